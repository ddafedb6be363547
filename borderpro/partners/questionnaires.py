"""Outbound questionnaires: question sets per partner type, sending by private link,
answering without an account, reminders, and the carrier's review.

The link is ``/q/<token>/``. The token (256 bits from ``secrets``) is shown once to the
sender and emailed to the partner's contact; only its SHA-256 is stored. A link opens one
questionnaire while it is not revoked, not expired and not submitted; anything else (a wrong,
altered, expired or revoked token) gets the same refusal. A reminder issues a fresh link and
the earlier one stops working, because the stored hash cannot be turned back into a link.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from borderpro.common.emails import send_templated_email
from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.services import evidence_check, evidence_upload, fit_name
from borderpro.organizations.activity import activity_record, choice_label
from borderpro.partners import services
from borderpro.partners.models import (
    Partner,
    Question,
    Questionnaire,
    QuestionnaireAnswer,
    QuestionSet,
)

LINK_DAYS = 30  # house default: a month to answer
REMIND_AFTER_DAYS = 7  # house default: a reminder a week after sending, then weekly
MAX_REMINDERS = 3
# Rate limits of the public pages, per client address (house defaults): requests in a
# window, and failed link look-ups in a window (a wrong token is a guess).
RATE_WINDOW_SECONDS = 600
RATE_MAX_REQUESTS = 120
RATE_MAX_FAILURES = 20


# The catalogue categories (C-TPAT highway carriers, current edition) a question set asks
# about, per partner type: who touches the conveyance, the premises, the data or the people.
TOPICS_FRAMEWORK = "CTPAT-HC"
KIND_TOPICS: dict[str, tuple[str, ...]] = {
    "sub_carrier": ("5", "6", "7", "10", "11", "12"),
    "owner_operator": ("5", "6", "7", "12"),
    "warehouse": ("7", "9", "10", "11"),
    "it_provider": ("4", "11"),
    "security_contractor": ("9", "10", "11", "12"),
    "cleaning_contractor": ("10", "11", "12"),
    "customs_broker": ("4", "7", "11"),
    "shipper": ("1", "7", "9", "11"),
    "other": ("1", "11", "12"),
}
CERTIFICATION_QUESTION = (
    "Is your company certified under PIP, C-TPAT or another program Canada recognises (AEO)? "
    "Give the program and number, and attach the certificate or status page.",
    "Votre entreprise est-elle certifiée PEP, C-TPAT ou par un autre programme reconnu par le "
    "Canada (OEA)? Indiquez le programme et le numéro, et joignez le certificat ou la page de "
    "statut.",
)
TOPIC_QUESTION = (
    "{title}: how does your company meet this? Describe the written procedure, who is "
    "responsible and the record that proves it.",
    "{title} : comment votre entreprise y répond-elle? Décrivez la procédure écrite, la "
    "personne responsable et le registre qui en fait la preuve.",
)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def link_path(token: str) -> str:
    return reverse("partners:answer", args=[token])


# --- question sets -------------------------------------------------------------------------


def _topics(kind: str) -> list[tuple[str, str, str]]:
    """(code, English title, French title) of the catalogue categories for ``kind``."""
    from borderpro.catalogue.models import Category

    codes = KIND_TOPICS.get(kind, KIND_TOPICS["other"])
    categories = Category.objects.filter(
        framework__code=TOPICS_FRAMEWORK,
        framework__is_current=True,
        framework__owner__isnull=True,
        code__in=codes,
    )
    by_code: dict[str, Any] = {c.code: c for c in categories}
    out = []
    for code in codes:
        if code in by_code:
            category = by_code[code]
            out.append((code, category.title_en, category.title_fr or category.title_en))
    return out


@transaction.atomic
def question_sets_seed(*, actor: Any, organization: Any) -> list[QuestionSet]:
    """One question set per partner type that has none, drawn from the catalogue
    categories for that type. Sets already there are left as they are."""
    have = set(
        QuestionSet.objects.filter(organization=organization).values_list("partner_kind", flat=True)
    )
    made = []
    for kind, label in Partner.Kind.choices:
        if kind in have:
            continue
        with translation.override(organization.language or "en"):
            name = _("Security questionnaire: %(kind)s") % {"kind": str(label)}
        qset = QuestionSet.objects.create(organization=organization, name=name, partner_kind=kind)
        Question.objects.create(
            organization=organization,
            question_set=qset,
            position=1,
            text_en=CERTIFICATION_QUESTION[0],
            text_fr=CERTIFICATION_QUESTION[1],
            topic="",
            asks_for_file=True,
        )
        for position, (code, en, fr) in enumerate(_topics(kind), start=2):
            Question.objects.create(
                organization=organization,
                question_set=qset,
                position=position,
                text_en=TOPIC_QUESTION[0].format(title=en),
                text_fr=TOPIC_QUESTION[1].format(title=fr),
                topic=f"{TOPICS_FRAMEWORK} {code}",
                asks_for_file=False,
            )
        made.append(qset)
    if made:
        activity_record(
            organization=organization,
            actor=actor,
            verb="questionnaire.sets_seeded",
            target=made[0],
            count=len(made),
        )
    return made


def _bump(qset: QuestionSet) -> None:
    qset.version += 1
    qset.save(update_fields=["version", "updated_at"])


@transaction.atomic
def question_save(
    *,
    actor: Any,
    organization: Any,
    question_set: QuestionSet,
    question: Question | None = None,
    text_en: str,
    text_fr: str = "",
    topic: str = "",
    asks_for_file: bool = False,
    position: int | None = None,
) -> Question:
    """Add or change a question; the set's version moves on (sent questionnaires keep theirs)."""
    if question is None:
        last = question_set.questions.order_by("-position").first()
        question = Question(
            organization=organization,
            question_set=question_set,
            position=(last.position + 1) if last else 1,
        )
    question.text_en = text_en.strip()
    question.text_fr = text_fr.strip()
    question.topic = topic.strip()
    question.asks_for_file = asks_for_file
    if position is not None:
        question.position = position
    question.full_clean(exclude=["question_set"])
    question.save()
    _bump(question_set)
    return question


@transaction.atomic
def question_delete(*, actor: Any, question: Question) -> None:
    qset = question.question_set
    question.delete()
    _bump(qset)


# --- sending -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sent:
    questionnaire: Questionnaire
    token: str
    emailed: bool


def _snapshot(qset: QuestionSet) -> list[dict[str, Any]]:
    return [
        {
            "key": str(q.pk),
            "text_en": q.text_en,
            "text_fr": q.text_fr,
            "topic": q.topic,
            "asks_for_file": q.asks_for_file,
        }
        for q in qset.questions.order_by("position", "created_at")
    ]


def _email_link(q: Questionnaire, token: str, *, reminder: bool, language: str) -> bool:
    if not q.sent_to:
        return False
    send_templated_email(
        "partners/emails/questionnaire_reminder" if reminder else "partners/emails/questionnaire",
        to=[q.sent_to],
        context={
            "questionnaire": q,
            "partner": q.partner,
            "organization_name": q.organization.name,
            "link_path": link_path(token),
            "expires_at": q.expires_at,
        },
        language=language,
    )
    return True


@transaction.atomic
def questionnaire_send(
    *,
    actor: Any,
    organization: Any,
    partner: Partner,
    question_set: QuestionSet,
    days: int = LINK_DAYS,
    language: str = "en",
    now: datetime | None = None,
) -> Sent:
    """Send ``question_set`` to ``partner``: a private link valid ``days`` days, emailed to
    the partner's contact when there is one. The token is returned once and never stored."""
    now = now or timezone.now()
    if question_set.organization_id != organization.pk or partner.organization_id != (
        organization.pk
    ):
        raise ValidationError({"question_set": _("Choose a question set of this organization.")})
    if not 1 <= days <= 90:
        raise ValidationError({"days": _("A link stays valid between 1 and 90 days.")})
    questions = _snapshot(question_set)
    if not questions:
        raise ValidationError({"question_set": _("This question set has no questions yet.")})
    token, digest = _new_token()
    q = Questionnaire(
        organization=organization,
        partner=partner,
        question_set=question_set,
        set_name=question_set.name,
        set_version=question_set.version,
        questions=questions,
        token_hash=digest,
        sent_to=partner.contact_email,
        sent_by=actor if getattr(actor, "is_authenticated", False) else None,
        sent_at=now,
        expires_at=now + timedelta(days=days),
    )
    q.full_clean()
    q.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="questionnaire.sent",
        target=q,
        name=partner.name,
        set=q.set_name,
    )
    emailed = bool(q.sent_to)
    transaction.on_commit(lambda: _email_link(q, token, reminder=False, language=language))
    return Sent(q, token, emailed)


@transaction.atomic
def questionnaire_revoke(*, actor: Any, questionnaire: Questionnaire) -> Questionnaire:
    if questionnaire.submitted_at:
        raise ValidationError(_("This questionnaire is already submitted."))
    if not questionnaire.revoked_at:
        questionnaire.revoked_at = timezone.now()
        questionnaire.save(update_fields=["revoked_at", "updated_at"])
        activity_record(
            organization=questionnaire.organization,
            actor=actor,
            verb="questionnaire.revoked",
            target=questionnaire,
            name=questionnaire.partner.name,
        )
    return questionnaire


# --- the public link -----------------------------------------------------------------------


def rate_limited(address: str, *, failed: bool = False) -> bool:
    """Count one request (or one failed look-up) from ``address``; True past the limit."""
    key = f"partners:q:{'fail' if failed else 'req'}:{address}"
    limit = RATE_MAX_FAILURES if failed else RATE_MAX_REQUESTS
    cache.add(key, 0, RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, RATE_WINDOW_SECONDS)
        count = 1
    return count > limit


def failures_exceeded(address: str) -> bool:
    return int(cache.get(f"partners:q:fail:{address}") or 0) >= RATE_MAX_FAILURES


def questionnaire_by_token(token: str, now: datetime | None = None) -> Questionnaire | None:
    """The questionnaire a link opens, or None (wrong, altered, expired, revoked, or already
    submitted: the caller shows the same refusal for all)."""
    if not token or len(token) > 100:
        return None
    q = (
        Questionnaire._base_manager.select_related("partner", "organization")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if q is None or not q.link_usable(now or timezone.now()):
        return None
    return q


def _question_keys(q: Questionnaire) -> dict[str, dict[str, Any]]:
    return {item["key"]: item for item in q.questions}


def _attach(q: Questionnaire, item: dict[str, Any], upload: Any) -> EvidenceFile:
    """Store the partner's file in the carrier's vault after the vault's checks. A file the
    vault already holds is linked, never named: the partner learns nothing of the vault."""
    name = fit_name(upload.name or "file")
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    existing = EvidenceFile._base_manager.filter(
        organization=q.organization, sha256=digest.hexdigest()
    ).first()
    if existing is not None:
        return existing
    try:
        evidence_check(organization=q.organization, upload=upload)
    except ValidationError as exc:
        raise ValidationError(
            {f"file_{item['key']}": [str(m) for m in exc.message_dict.get("file", exc.messages)]}
        ) from exc
    with translation.override("en"):
        title = f"{q.partner.name}: {name}"
        proves = _("Answer to the questionnaire %(set)s (%(partner)s)") % {
            "set": q.set_name,
            "partner": q.partner.name,
        }
    return evidence_upload(
        actor=None,
        organization=q.organization,
        upload=upload,
        title=title[:200],
        proves=proves,
    )


@transaction.atomic
def answers_save(
    *,
    questionnaire: Questionnaire,
    texts: dict[str, str],
    files: dict[str, Any],
    submit: bool = False,
    now: datetime | None = None,
) -> Questionnaire:
    """Save the partner's answers (and files); with ``submit`` every question must be answered.
    Nothing is saved when a file is refused or a submission is incomplete."""
    now = now or timezone.now()
    q = Questionnaire._base_manager.select_for_update().get(pk=questionnaire.pk)
    if not q.link_usable(now):
        raise ValidationError(_("This questionnaire can no longer be changed."))
    items = _question_keys(q)
    existing = {a.key: a for a in QuestionnaireAnswer._base_manager.filter(questionnaire=q)}
    errors: dict[str, list[str]] = {}
    for key, value in texts.items():
        if key in items and len(value) > 5000:
            errors[f"answer_{key}"] = [_("An answer is at most 5,000 characters.")]
    if submit:  # checked before any file is stored, so a refused submission stores nothing
        for key in items:
            given = texts[key] if key in texts else (existing[key].text if key in existing else "")
            if not given.strip():
                errors[f"answer_{key}"] = [_("Answer this question before submitting.")]
    if errors:
        raise ValidationError(errors)
    for key, item in items.items():
        text: str | None = (texts.get(key) or "").strip() if key in texts else None
        upload = files.get(key)
        answer = existing.get(key)
        if text is None and upload is None:
            continue
        if answer is None:
            answer = QuestionnaireAnswer(organization=q.organization, questionnaire=q, key=key)
        if text is not None:
            answer.text = text
        if upload is not None:
            answer.attachment = _attach(q, item, upload)
            answer.attachment_name = fit_name(upload.name or "file")
        answer.save()
        existing[key] = answer
    if submit:
        q.submitted_at = now
    q.saved_at = now
    q.opened_at = q.opened_at or now
    q.save(update_fields=["saved_at", "opened_at", "submitted_at", "updated_at"])
    if submit:
        activity_record(
            organization=q.organization,
            actor=None,
            verb="questionnaire.submitted",
            target=q,
            name=q.partner.name,
        )
    return q


def mark_opened(questionnaire: Questionnaire) -> None:
    if questionnaire.opened_at is None:
        Questionnaire._base_manager.filter(pk=questionnaire.pk, opened_at__isnull=True).update(
            opened_at=timezone.now()
        )


# --- reminders -----------------------------------------------------------------------------


def reminders_due(now: datetime) -> list[Questionnaire]:
    """Questionnaires still open a week after sending (or after the last reminder)."""
    cutoff = now - timedelta(days=REMIND_AFTER_DAYS)
    return list(
        Questionnaire._base_manager.select_related("partner", "organization")
        .filter(
            submitted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=now,
            sent_at__lte=cutoff,
            reminders__lt=MAX_REMINDERS,
        )
        .exclude(sent_to="")
        .exclude(reminded_at__gt=cutoff)
        .order_by("sent_at")
    )


def reminders_send(now: datetime | None = None) -> int:
    """Email a reminder with a fresh link for every questionnaire due one; the number sent."""
    now = now or timezone.now()
    sent = 0
    for q in reminders_due(now):
        token, digest = _new_token()
        with transaction.atomic():
            q.token_hash = digest
            q.reminded_at = now
            q.reminders += 1
            q.save(update_fields=["token_hash", "reminded_at", "reminders", "updated_at"])
            activity_record(
                organization=q.organization,
                actor=None,
                verb="questionnaire.reminded",
                target=q,
                name=q.partner.name,
            )
        _email_link(q, token, reminder=True, language=q.organization.language or "en")
        sent += 1
    return sent


# --- review --------------------------------------------------------------------------------


@transaction.atomic
def questionnaire_review(
    *,
    actor: Any,
    organization: Any,
    questionnaire: Questionnaire,
    outcome: str,
    notes: str = "",
) -> Questionnaire:
    """Approve, approve with conditions, or ask for corrective action. The review is a
    screening of the partner: its outcome feeds the partner's risk rating."""
    q = questionnaire
    if not q.submitted_at:
        raise ValidationError({"outcome": _("The partner has not submitted this questionnaire.")})
    if q.reviewed_at:
        raise ValidationError({"outcome": _("This questionnaire is already reviewed.")})
    if outcome not in Partner.Outcome.values:
        raise ValidationError({"outcome": _("Choose the outcome of the review.")})
    if outcome != Partner.Outcome.APPROVED and not notes.strip():
        raise ValidationError(
            {"notes": _("Write the conditions or the corrective actions the partner must take.")}
        )
    today = organization.local_today()
    with translation.override(organization.language or "en"):
        note = _("Questionnaire %(set)s (version %(version)s).") % {
            "set": q.set_name,
            "version": q.set_version,
        }
    screening = services.screening_record(
        actor=actor,
        organization=organization,
        partner=q.partner,
        screened_on=today,
        outcome=outcome,
        notes=f"{note} {notes.strip()}".strip(),
    )
    q.outcome = outcome
    q.review_notes = notes.strip()
    q.reviewed_at = timezone.now()
    q.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
    q.screening = screening
    q.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="questionnaire.reviewed",
        target=q,
        name=q.partner.name,
        outcome=choice_label(q, "outcome"),
    )
    return q
