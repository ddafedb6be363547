"""The gap register as XLSX/CSV, and importing responses from the same template:
parse → preview with per-row errors → apply only what the user confirmed."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from borderpro.catalogue.models import Level, pick
from borderpro.common.daterange import validate_sane_date
from borderpro.common.documents import (
    CHOICE,
    DATE,
    INTEGER,
    Column,
    header_keys,
    write_csv,
    write_xlsx,
)
from borderpro.common.tables import read_table
from borderpro.organizations.activity import activity_record
from borderpro.profiles.models import Response, Status
from borderpro.profiles.services.profile import StaleEdit
from borderpro.profiles.services.responses import response_update

IMPORTED = ("owner", "due", "status", "narrative", "justification")
MAX_ROWS = 2000


# --- Export: the gap register in the reader's language (import reads it back) -------------

GAP_COLUMNS = [
    Column("ref", gettext_lazy("Ref."), width=14),
    Column("criterion", gettext_lazy("Requirement"), width=48, wrap=True),
    Column("level", gettext_lazy("Level"), CHOICE, choices=dict(Level.choices), width=14),
    Column("category", gettext_lazy("Category"), width=30),
    Column("owner", pgettext_lazy("assignee", "Owner"), width=28),
    Column("due", gettext_lazy("Due"), DATE, width=12),
    Column("status", gettext_lazy("Status"), CHOICE, choices=dict(Status.choices), width=24),
    Column("evidence_count", gettext_lazy("Evidence"), INTEGER, width=10),
    Column("gaps", gettext_lazy("Gaps"), width=40, wrap=True),
    Column("narrative", gettext_lazy("How the company meets it"), width=80, wrap=True),
    Column("justification", gettext_lazy("Why it does not apply"), width=40, wrap=True),
]
STATUS_COLUMN = GAP_COLUMNS[6]


def gap_register_rows(ws: Any, *, language: str) -> list[dict[str, Any]]:
    """One mapping per requirement of the workspace (codes; the writers show labels)."""
    with translation.override(language):
        return [
            {
                "ref": row.requirement.ref,
                "criterion": pick(row.requirement, "title", language),
                "level": row.requirement.level,
                "category": pick(row.requirement.category, "title", language),
                "owner": row.owner.email if row.owner else None,
                "due": row.due_on,
                "status": row.effective.status,
                "evidence_count": len(row.evidence),
                "gaps": "; ".join(str(label) for label in row.gap_labels),
                "narrative": row.effective.narrative,
                "justification": row.effective.justification,
            }
            for row in ws.rows
        ]


def gap_register_xlsx(ws: Any, *, language: str, title: str) -> bytes:
    rows = gap_register_rows(ws, language=language)
    return write_xlsx(GAP_COLUMNS, rows, title=title, language=language)


def gap_register_csv(ws: Any, *, language: str) -> bytes:
    return write_csv(GAP_COLUMNS, gap_register_rows(ws, language=language), language=language)


def register_header(cells: list[str]) -> list[str]:
    """Column keys of a header row written in any language (or the keys themselves)."""
    return header_keys(GAP_COLUMNS, cells)


# --- Import ---------------------------------------------------------------------------


MAX_COLUMNS = 40  # the register has 11; more is not a gap register


def parse_upload(name: str, data: bytes) -> list[dict[str, str]]:
    """The rows of an XLSX or CSV file as dicts keyed by the header. Raises ValidationError
    naming the file for anything that is not a readable gap register within the limits
    (the limits and the streaming row count are ``common/tables.py``'s)."""
    table = read_table(name, data, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
    header = register_header(table[0])
    if "ref" not in header:
        raise ValidationError(
            {
                "file": _(
                    "The first row must hold the column names of the gap register, including “ref”."
                )
            }
        )
    rows = []
    for values in table[1:]:
        if not any(values):
            continue
        rows.append(
            {
                header[i]: values[i] if i < len(values) else ""
                for i in range(len(header))
                if header[i]
            }
        )
    return rows


def _status(value: str) -> str | None:
    """A status written as its code or its label in any language (as exported)."""
    return STATUS_COLUMN.code_of(value)


def import_preview(
    *, rows: list[dict[str, str]], ws: Any, people: list[Any]
) -> list[dict[str, Any]]:
    """Each row with what it would change and its errors. Nothing is saved."""
    by_ref = {row.requirement.ref.upper(): row for row in ws.rows}
    by_email = {p.email.lower(): p for p in people}
    preview = []
    for line, data in enumerate(rows, start=2):
        errors: list[str] = []
        changes: dict[str, Any] = {}
        ref = data.get("ref", "").strip().upper()
        target = by_ref.get(ref)
        if target is None:
            errors.append(
                _("ref “%(ref)s” is not a requirement of this framework.") % {"ref": ref or "—"}
            )
        else:
            response = target.response
            if data.get("status"):
                status = _status(data["status"])
                if status is None:
                    errors.append(
                        _("status “%(value)s” is not one of: %(choices)s.")
                        % {"value": data["status"], "choices": ", ".join(Status.values)}
                    )
                elif status != response.status:
                    changes["status"] = status
            if "owner" in data:
                email = data["owner"].strip().lower()
                if email and email not in by_email:
                    errors.append(
                        _("owner “%(value)s” is not someone who works on this profile.")
                        % {"value": data["owner"]}
                    )
                elif email and by_email[email].pk != response.owner_id:
                    changes["owner"] = str(by_email[email].pk)
            if data.get("due"):
                try:
                    due = date.fromisoformat(data["due"][:10])
                    validate_sane_date(due)
                except ValueError:
                    errors.append(
                        _("due “%(value)s” is not a date (use YYYY-MM-DD).")
                        % {"value": data["due"]}
                    )
                except ValidationError as exc:
                    errors.append(_("due: %(reason)s") % {"reason": " ".join(exc.messages)})
                else:
                    if due != response.due_on:
                        changes["due_on"] = due.isoformat()
            for name in ("narrative", "justification"):
                if (
                    name in data
                    and data[name].strip() != getattr(response, name).strip()
                    and data[name].strip()
                ):
                    changes[name] = data[name].strip()
            final_status = changes.get("status", response.status)
            final_just = changes.get("justification", response.justification)
            if final_status == Status.NOT_APPLICABLE and not final_just.strip():
                errors.append(_("justification is required when the status is not applicable."))
        preview.append(
            {
                "line": line,
                "ref": ref,
                "errors": errors,
                "changes": changes,
                "response_id": str(target.response.pk) if target and target.response.pk else "",
                "version": target.response.version if target else 0,
            }
        )
    return preview


@transaction.atomic
def import_apply(
    *, actor: Any, organization: Any, preview: list[dict[str, Any]], people: list[Any]
) -> tuple[int, list[str]]:
    """Apply the confirmed rows without errors. A row changed since the preview is refused, not overwritten."""
    by_id = {str(p.pk): p for p in people}
    applied, refused = 0, []
    for item in preview:
        if item["errors"] or not item["changes"] or not item["response_id"]:
            continue
        response = Response.objects.select_related("requirement").get(
            organization=organization, pk=item["response_id"]
        )
        fields: dict[str, Any] = dict(item["changes"])
        if "owner" in fields:
            fields["owner"] = by_id.get(fields["owner"])
        if "due_on" in fields:
            fields["due_on"] = date.fromisoformat(fields["due_on"])
        try:
            with transaction.atomic():
                response_update(
                    actor=actor,
                    organization=organization,
                    response=response,
                    expected_version=item["version"],
                    fields=fields,
                    record_readiness=False,
                )
        except StaleEdit:
            refused.append(
                _(
                    "line %(line)s (%(ref)s): changed by someone else since the preview; not imported."
                )
                % {"line": item["line"], "ref": item["ref"]}
            )
        except ValidationError as exc:
            refused.append(
                _("line %(line)s (%(ref)s): %(errors)s")
                % {"line": item["line"], "ref": item["ref"], "errors": " ".join(exc.messages)}
            )
        else:
            applied += 1
    if applied:
        from borderpro.profiles.services.responses import readiness_record_shared

        readiness_record_shared(organization=organization, response=response)
        activity_record(
            organization=organization, actor=actor, verb="responses.imported", count=applied
        )
    return applied, refused
