"""Reminders, notifications and calendar feeds of deadlines.

- :class:`ReminderSetting`: an organization's reminder stages for one kind of deadline;
- :class:`ReminderPreference`: how a person wants reminder emails (and which kinds not);
- :class:`SentReminder`: the sent log, one row per recipient x deadline x stage (the unique
  constraint is what keeps two racing senders from sending twice);
- :class:`Notification`: the in-app copy of a reminder, read or unread;
- :class:`CalendarFeed`: a secret, revocable iCalendar link (stored hashed).

These rows belong to a person (their reminders, their links), not to an organization's
shared data, so they are read by user and use the plain manager.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.models import TenantModel, UUIDModel

STAGE_OVERDUE = "overdue"
MAX_STAGE_DAYS = 365


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("One email per reminder")
    DAILY = "daily", _("A daily digest")
    WEEKLY = "weekly", _("A weekly digest (Mondays)")


class ReminderSetting(TenantModel):
    """The days before the due date an organization is reminded of one kind of deadline."""

    kind = models.CharField(_("kind of deadline"), max_length=80)
    stages = models.JSONField(_("days before the due date"), default=list, blank=True)
    overdue = models.BooleanField(_("remind when overdue"), default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reminder setting")
        constraints = [
            models.UniqueConstraint(fields=["organization", "kind"], name="remindersetting_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.stages}"


class ReminderPreference(UUIDModel):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preference"
    )
    frequency = models.CharField(
        _("reminder emails"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    muted_kinds = models.JSONField(_("kinds without email"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reminder preference")

    def __str__(self) -> str:
        return f"{self.user}: {self.frequency}"


class SentReminder(UUIDModel):
    """One reminder of one deadline at one stage to one person: planned, claimed, sent."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_reminders"
    )
    deadline_uid = models.CharField(max_length=36)
    kind = models.CharField(max_length=80)
    stage = models.CharField(max_length=10)  # days before ("30") or "overdue"
    subject = models.CharField(max_length=300)
    due = models.DateField()
    action_url = models.CharField(max_length=500)
    escalated = models.BooleanField(default=False)  # sent to an administrator or consultant
    delivery = models.CharField(max_length=10, choices=Frequency.choices)
    planned_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    claim = models.UUIDField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due", "kind", "subject"]
        verbose_name = _("sent reminder")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "deadline_uid", "stage"], name="sentreminder_once"
            )
        ]
        indexes = [
            models.Index(fields=["sent_at", "user"], name="sentreminder_pending"),
            models.Index(fields=["claim"], name="sentreminder_claim"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.stage} → {self.user_id}"


class Notification(UUIDModel):
    """A reminder in the app: the bell in the top bar counts the unread ones."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(max_length=80)  # deadline uid and stage: one notification each
    kind = models.CharField(max_length=80)
    stage = models.CharField(max_length=10)
    subject = models.CharField(max_length=300)
    due = models.DateField()
    action_url = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "due"]
        verbose_name = _("notification")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="notification_once"),
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return f"{self.kind} {self.stage} → {self.user_id}"

    @property
    def kind_label(self) -> str:
        from borderpro.deadlines.registry import kind

        try:
            return str(kind(self.kind).label)
        except KeyError:
            return self.kind


class CalendarFeed(UUIDModel):
    """A secret calendar link: a person's (every organization) or one organization's."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("calendar link")

    def __str__(self) -> str:
        return f"{self.user_id} {self.organization_id or 'all'}"
