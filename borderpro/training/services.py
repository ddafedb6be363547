"""Writes for training: sessions and sign-ins, records, knowledge checks, seminars and
their public registrations (with the confirmation email and its calendar invitation)."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.organizations.activity import activity_record
from borderpro.people.models import Employee
from borderpro.training.models import (
    PASS_MARK,
    Course,
    Registration,
    Seminar,
    TrainingRecord,
    TrainingSession,
    verification_code,
)

MAX_SIGNATURE_BYTES = 200 * 1024


@transaction.atomic
def session_create(
    *,
    actor: Any,
    organization: Any,
    course: Course,
    held_on: date,
    trainer: str,
    topics: str,
    location: str = "",
) -> TrainingSession:
    session = TrainingSession(
        organization=organization,
        course=course,
        held_on=held_on,
        trainer=trainer.strip(),
        topics=topics.strip(),
        location=location.strip(),
    )
    session.full_clean()
    session.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="session.planned",
        target=session,
        course=course.title,
        date=held_on.isoformat(),
    )
    return session


def _signature_file(*, actor: Any, organization: Any, data_url: str, name: str) -> Any:
    """A drawn signature (a PNG data URL from the sign-in pad) stored in the evidence vault."""
    from borderpro.evidence.services import evidence_upload

    head, _sep, payload = data_url.partition(",")
    if head != "data:image/png;base64" or not payload:
        raise ValidationError({"signature": _("The drawn signature could not be read.")})
    try:
        raw = base64.b64decode(payload, validate=True)
    except ValueError as exc:
        raise ValidationError({"signature": _("The drawn signature could not be read.")}) from exc
    if len(raw) > MAX_SIGNATURE_BYTES:
        raise ValidationError({"signature": _("The drawn signature is too large.")})
    upload = SimpleUploadedFile("signature.png", raw, content_type="image/png")
    return evidence_upload(
        actor=actor,
        organization=organization,
        upload=upload,
        title=_("Training sign-in signature of %(name)s") % {"name": name},
        proves=_("Attendance at a training session"),
        require_image=True,
    )


def record_add(
    *,
    actor: Any,
    organization: Any,
    employee: Employee,
    course: Course,
    completed_on: date,
    session: TrainingSession | None = None,
    signed_name: str = "",
    signature_data: str = "",
    score: int | None = None,
) -> TrainingRecord:
    """Record that ``employee`` completed ``course`` (signing in to ``session`` if given).

    In a session, the attendee signs: a typed name or a drawn signature is required."""
    signed_name = signed_name.strip()
    if session is not None and not signed_name and not signature_data:
        raise ValidationError(
            {"signed_name": _("The attendee signs in: type the full name or draw a signature.")}
        )
    with transaction.atomic():
        signature = None
        if signature_data:
            signature = _signature_file(
                actor=actor,
                organization=organization,
                data_url=signature_data,
                name=employee.full_name,
            )
        record = TrainingRecord(
            organization=organization,
            employee=employee,
            course=course,
            session=session,
            completed_on=completed_on,
            expires_on=course.expires_on(completed_on),
            signed_name=signed_name,
            signature=signature,
            score=score,
            code=verification_code(),
        )
        record.full_clean()
        try:
            with transaction.atomic():
                record.save()
        except IntegrityError as exc:
            raise ValidationError(
                {"employee": _("This person already signed in to this session.")}
            ) from exc
        activity_record(
            organization=organization,
            actor=actor,
            verb="training.recorded",
            target=record,
            name=employee.full_name,
            course=course.title,
        )
    return record


def knowledge_check_score(course: Course, answers: dict[int, int | None]) -> int:
    """The percentage of right answers (unanswered questions count as wrong)."""
    if not course.questions:
        return 100
    right = sum(1 for i, q in enumerate(course.questions) if answers.get(i) == q["answer"])
    return round(100 * right / len(course.questions))


@transaction.atomic
def knowledge_check_record(
    *, actor: Any, organization: Any, record: TrainingRecord, answers: dict[int, int | None]
) -> TrainingRecord:
    record.score = knowledge_check_score(record.course, answers)
    record.full_clean()
    record.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="training.checked",
        target=record,
        name=record.employee.full_name,
        course=record.course.title,
        score=str(record.score),
    )
    return record


# --- Seminars ---------------------------------------------------------------------------

SEMINAR_FIELDS = (
    "title",
    "description",
    "course",
    "starts_at",
    "duration_minutes",
    "place",
    "online",
    "online_url",
    "capacity",
    "price",
    "language",
    "published",
)


@transaction.atomic
def seminar_save(
    *, actor: Any, organization: Any, seminar: Seminar | None = None, **fields: Any
) -> Seminar:
    for key in fields:
        if key not in SEMINAR_FIELDS:
            raise TypeError(f"unknown seminar field {key}")
    created = seminar is None
    seminar = seminar or Seminar(organization=organization)
    for key, value in fields.items():
        setattr(seminar, key, value.strip() if isinstance(value, str) else value)
    seminar.full_clean()
    seminar.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="seminar.created" if created else "seminar.updated",
        target=seminar,
        title=seminar.title,
    )
    return seminar


def confirmed_count(seminar: Seminar) -> int:
    return seminar.registrations.filter(status=Registration.Status.CONFIRMED).count()


def registration_create(
    *,
    seminar: Seminar,
    full_name: str,
    email: str,
    company: str = "",
    phone: str = "",
    language: str = "en",
    consent_text: str = "",
) -> Registration:
    """A public registration: confirmed while seats remain, else on the waiting list. The
    email (with the calendar invitation when confirmed) leaves once the row is committed.
    ``consent_text`` is the wording the person agreed to (kept with the time they did)."""
    from borderpro.training.invitations import send_registration_email

    with transaction.atomic():
        # lock the seminar so two last-seat registrations cannot both be confirmed
        locked = Seminar.objects.select_for_update().get(pk=seminar.pk)
        full = confirmed_count(locked) >= locked.capacity
        registration = Registration(
            organization_id=locked.organization_id,
            seminar=locked,
            full_name=full_name.strip(),
            email=email.strip().lower(),
            company=company.strip(),
            phone=phone.strip(),
            language="fr" if language.startswith("fr") else "en",
            status=Registration.Status.WAITLISTED if full else Registration.Status.CONFIRMED,
            code=verification_code(),
            consent_at=timezone.now() if consent_text else None,
            consent_text=consent_text,
        )
        registration.full_clean()
        registration.save()
        activity_record(
            organization=locked.organization,
            actor=None,
            verb="seminar.registered",
            target=registration,
            name=registration.full_name,
            title=locked.title,
        )
        transaction.on_commit(lambda: send_registration_email(registration))
    return registration


@transaction.atomic
def registration_cancel(
    *, actor: Any, organization: Any, registration: Registration
) -> Registration | None:
    """Cancel a registration; a freed seat goes to the first person waiting (who is told)."""
    from borderpro.training.invitations import send_registration_email

    was_confirmed = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status"])
    promoted = None
    if was_confirmed:
        promoted = (
            registration.seminar.registrations.filter(status=Registration.Status.WAITLISTED)
            .order_by("created_at")
            .first()
        )
        if promoted is not None:
            promoted.status = Registration.Status.CONFIRMED
            promoted.save(update_fields=["status"])
            transaction.on_commit(lambda: send_registration_email(promoted))
    activity_record(
        organization=organization,
        actor=actor,
        verb="seminar.cancelled",
        target=registration,
        name=registration.full_name,
        title=registration.seminar.title,
    )
    return promoted


@transaction.atomic
def attendance_set(
    *, actor: Any, organization: Any, registration: Registration, attended: bool
) -> Registration:
    if attended and registration.status != Registration.Status.CONFIRMED:
        raise ValidationError(_("Only a confirmed registrant can be marked as present."))
    registration.attended = attended
    registration.save(update_fields=["attended"])
    activity_record(
        organization=organization,
        actor=actor,
        verb="seminar.attended" if attended else "seminar.absent",
        target=registration,
        name=registration.full_name,
        title=registration.seminar.title,
    )
    return registration


__all__ = ["PASS_MARK"]
