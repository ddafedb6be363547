"""Submissions to CBSA or CBP, and what changed since a submitted package."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.common.dates import format_day
from borderpro.organizations.activity import activity_record, choice_label
from borderpro.profiles.models import PackageSnapshot, Submission


def submission_record(
    *,
    actor: Any,
    organization: Any,
    agency: str,
    submitted_on: Any,
    snapshot: PackageSnapshot,
    reference: str = "",
    note: str = "",
) -> Submission:
    from django.core.exceptions import ValidationError
    from django.db import transaction

    if snapshot.organization_id != organization.pk:
        raise ValidationError({"snapshot": _("Choose a package of this company.")})
    if submitted_on > organization.local_today():
        raise ValidationError({"submitted_on": _("The submission date cannot be in the future.")})
    built_on = timezone.localtime(
        snapshot.created_at, zoneinfo.ZoneInfo(organization.time_zone)
    ).date()
    if submitted_on < built_on:
        raise ValidationError(
            {
                "submitted_on": _(
                    "The package was built on %(day)s; it cannot have been submitted before."
                )
                % {"day": format_day(built_on)}
            }
        )
    with transaction.atomic():
        submission = Submission(
            organization=organization,
            agency=agency,
            submitted_on=submitted_on,
            submitted_by=actor,
            snapshot=snapshot,
            reference=reference,
            note=note,
        )
        submission.full_clean()
        submission.save()
        activity_record(
            organization=organization,
            actor=actor,
            verb="submission.recorded",
            target=submission,
            agency=choice_label(submission, "agency"),
        )
    return submission


def changes_since(before: dict[str, Any], now: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """What changed between a submitted package's content and today's: profile fields and requirements."""
    profile = []
    old_fields, new_fields = (
        before.get("profile", {}).get("fields", {}),
        now.get("profile", {}).get("fields", {}),
    )
    for key, item in new_fields.items():
        old = old_fields.get(key, {}).get("value", "")
        if old != item["value"]:
            profile.append({"label": item["label"], "before": old, "after": item["value"]})
    for part in ("sites", "divisions", "safety"):
        if before.get("profile", {}).get(part) != now.get("profile", {}).get(part):
            profile.append(
                {
                    "label": {
                        "sites": _("Sites"),
                        "divisions": _("Divisions"),
                        "safety": _("Safety fitness numbers"),
                    }[part],
                    "before": "",
                    "after": _("changed"),
                }
            )

    def items(content: dict[str, Any]) -> dict[str, dict[str, Any]]:
        return {i["ref"]: i for c in content.get("categories", []) for i in c["items"]}

    old_items, new_items = items(before), items(now)
    requirements = []
    for ref, item in new_items.items():
        old = old_items.get(ref)
        what = []
        if old is None:
            what.append(_("new requirement"))
        else:
            if old["status"] != item["status"]:
                what.append(
                    _("status: %(before)s → %(after)s")
                    % {"before": old["status_label"], "after": item["status_label"]}
                )
            if (
                old["narrative"].strip() != item["narrative"].strip()
                or old["justification"] != item["justification"]
            ):
                what.append(_("narrative rewritten"))
            if {e["sha256"] for e in old["evidence"]} != {e["sha256"] for e in item["evidence"]}:
                what.append(_("evidence changed"))
        if what:
            requirements.append({"ref": ref, "title": item["title"], "what": what})
    for ref, item in old_items.items():
        if ref not in new_items:
            requirements.append(
                {"ref": ref, "title": item["title"], "what": [_("no longer in the profile")]}
            )
    return {"profile": profile, "requirements": requirements}
