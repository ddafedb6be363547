"""Importing employees from CSV or XLSX: upload → map columns → preview with per-row errors →
confirm. The upload and its preview are an :class:`EmployeeImport` row with the file in
private storage; nothing is written to the people list before the user confirms."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.common.daterange import validate_sane_date
from borderpro.common.tables import read_table
from borderpro.organizations.activity import activity_record
from borderpro.people import services
from borderpro.people.models import DriverCard, Employee, EmployeeImport

MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024

# target field → (label, words a header may contain, in EN and FR)
TARGETS: dict[str, tuple[Any, tuple[str, ...]]] = {
    "full_name": (gettext_lazy("Full name"), ("name", "nom", "employee", "employé")),
    "role": (gettext_lazy("Role"), ("role", "rôle", "position", "poste", "job")),
    "site": (gettext_lazy("Site"), ("site", "location", "terminal", "lieu")),
    "hired_on": (gettext_lazy("Hired on"), ("hire", "embauche", "start")),
    "terminated_on": (gettext_lazy("Terminated on"), ("termin", "départ", "depart", "end")),
    "language": (gettext_lazy("Language"), ("language", "langue")),
    "email": (gettext_lazy("Email"), ("email", "courriel", "e-mail")),
    "phone": (gettext_lazy("Phone"), ("phone", "téléphone", "telephone", "tel")),
    "licence_number": (gettext_lazy("Driver's licence"), ("licence", "license", "permis")),
    "fast_number": (gettext_lazy("FAST card number"), ("fast",)),
    "fast_expires_on": (gettext_lazy("FAST card expiry"), ("fast exp", "expiry", "expir")),
}
DATE_TARGETS = ("hired_on", "terminated_on", "fast_expires_on")


def _norm(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().lower())


def guess_mapping(headers: list[str]) -> dict[str, int | None]:
    """For each target field, the column whose header names it (or None)."""
    mapping: dict[str, int | None] = {}
    taken: set[int] = set()
    # the more specific targets first, so "FAST expiry" is not read as the FAST number
    for key in sorted(TARGETS, key=lambda k: -max(len(w) for w in TARGETS[k][1])):
        words = TARGETS[key][1]
        found = None
        for index, header in enumerate(headers):
            if index in taken:
                continue
            if _norm(header) == key.replace("_", " ") or any(w in _norm(header) for w in words):
                found = index
                break
        if found is not None:
            taken.add(found)
        mapping[key] = found
    return {key: mapping[key] for key in TARGETS}


def import_upload(*, actor: Any, organization: Any, name: str, data: bytes) -> EmployeeImport:
    """Read the file (within the limits) and keep it with its header for the mapping step."""
    if len(data) > MAX_BYTES:
        raise ValidationError({"file": _("The file is larger than 5 MB.")})
    table = read_table(name, data, max_rows=MAX_ROWS)
    headers = [h or _("Column %(n)s") % {"n": i + 1} for i, h in enumerate(table[0])]
    batch = EmployeeImport(
        organization=organization,
        original_name=name[:255],
        headers=headers,
        row_count=sum(1 for row in table[1:] if any(row)),
        mapping=guess_mapping(headers),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    batch.file.save(name[-80:] or "employees.csv", ContentFile(data), save=False)
    batch.save()
    return batch


def _table(batch: EmployeeImport) -> list[list[str]]:
    with batch.file.open("rb") as handle:
        return read_table(batch.original_name, handle.read(), max_rows=MAX_ROWS)


# words people put in a "role" column that are not the labels themselves
ROLE_ALIASES = {
    "truck driver": "driver",
    "camionneur": "driver",
    "conducteur": "driver",
    "dispatcher": "dispatch",
    "répartiteur": "dispatch",
    "yard jockey": "yard",
    "hr": "hr",
    "rh": "hr",
    "ti": "it",
    "sûreté": "security",
    "manager": "management",
    "gestionnaire": "management",
}


def _role(value: str) -> str | None:
    wanted = _norm(value)
    if wanted in ROLE_ALIASES:
        return ROLE_ALIASES[wanted]
    for code, label in Employee.Role.choices:
        if wanted in (code, _norm(str(label))):
            return code
    from django.utils import translation

    for language in ("en", "fr"):
        with translation.override(language):
            for code, label in Employee.Role.choices:
                if wanted == _norm(str(label)):
                    return code
    return None


def _date(value: str, label: Any, errors: list[str]) -> str | None:
    try:
        day = date.fromisoformat(value[:10])
        validate_sane_date(day)
    except ValueError:
        errors.append(
            _("%(field)s “%(value)s” is not a date (use YYYY-MM-DD).")
            % {"field": label, "value": value}
        )
        return None
    except ValidationError as exc:
        errors.append(
            _("%(field)s: %(reason)s") % {"field": label, "reason": " ".join(exc.messages)}
        )
        return None
    return day.isoformat()


def _check_row(
    values: dict[str, str], existing: set[str], seen: dict[str, int], cards: set[str], line: int
) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []
    out: dict[str, Any] = {}
    name = values.get("full_name", "")
    if not name:
        errors.append(_("Full name is empty."))
    elif len(name) > 200:
        errors.append(_("Full name is longer than 200 characters."))
    else:
        key = _norm(name)
        if key in existing:
            errors.append(_("%(name)s is already in the people list.") % {"name": name})
        elif key in seen:
            errors.append(
                _("%(name)s is also on line %(line)s of this file.")
                % {"name": name, "line": seen[key]}
            )
        else:
            seen[key] = line
        out["full_name"] = name
    if values.get("role"):
        role = _role(values["role"])
        if role is None:
            errors.append(
                _("Role “%(value)s” is not one of: %(choices)s.")
                % {
                    "value": values["role"],
                    "choices": ", ".join(str(label) for _c, label in Employee.Role.choices),
                }
            )
        out["role"] = role or ""
    for key in DATE_TARGETS:
        if values.get(key):
            out[key] = _date(values[key], TARGETS[key][0], errors)
    if values.get("email"):
        try:
            validate_email(values["email"])
        except ValidationError:
            errors.append(
                _("Email “%(value)s” is not an email address.") % {"value": values["email"]}
            )
        out["email"] = values["email"]
    if values.get("language"):
        lang = _norm(values["language"])[:2]
        if lang not in ("en", "fr", "an", "fr"):
            errors.append(
                _("Language “%(value)s” is not English or French.") % {"value": values["language"]}
            )
        out["language"] = "fr" if lang == "fr" else "en"
    for key, limit in (("site", 120), ("phone", 40), ("licence_number", 40), ("fast_number", 40)):
        if values.get(key):
            if len(values[key]) > limit:
                errors.append(
                    _("%(field)s is longer than %(max)s characters.")
                    % {"field": TARGETS[key][0], "max": limit}
                )
            out[key] = values[key]
    if out.get("fast_number"):
        if not values.get("fast_expires_on"):
            errors.append(_("A FAST card number needs its expiry date."))
        elif out["fast_number"].upper() in cards:
            errors.append(
                _("FAST card %(number)s is already recorded.") % {"number": out["fast_number"]}
            )
    if out.get("hired_on") and out.get("terminated_on") and out["terminated_on"] < out["hired_on"]:
        errors.append(_("The termination date cannot be before the hire date."))
    return out, errors


def import_map(
    *, organization: Any, batch: EmployeeImport, mapping: dict[str, int | None]
) -> EmployeeImport:
    """Apply the column mapping: every row checked, its errors listed. Nothing is imported."""
    if mapping.get("full_name") is None:
        raise ValidationError({"full_name": _("Choose the column that holds the full name.")})
    used = [v for v in mapping.values() if v is not None]
    if len(used) != len(set(used)):
        raise ValidationError({"__all__": _("A column can be mapped to one field only.")})
    table = _table(batch)
    existing = {
        _norm(n)
        for n in Employee.objects.filter(organization=organization).values_list(
            "full_name", flat=True
        )
    }
    cards = {
        n.upper()
        for n in DriverCard.objects.filter(organization=organization, kind="fast").values_list(
            "number", flat=True
        )
    }
    seen: dict[str, int] = {}
    preview = []
    for line, row in enumerate(table[1:], start=2):
        if not any(row):
            continue
        values = {
            key: (row[index].strip() if index is not None and index < len(row) else "")
            for key, index in mapping.items()
        }
        data, errors = _check_row(values, existing, seen, cards, line)
        preview.append({"line": line, "data": data, "errors": errors})
    batch.mapping = mapping
    batch.preview = preview
    batch.state = EmployeeImport.State.PREVIEW
    batch.save(update_fields=["mapping", "preview", "state"])
    return batch


@transaction.atomic
def import_confirm(*, actor: Any, organization: Any, batch: EmployeeImport) -> int:
    """Create the employees of every row without errors (and their FAST cards), once."""
    batch = EmployeeImport.objects.select_for_update().get(pk=batch.pk, organization=organization)
    if batch.state != EmployeeImport.State.PREVIEW:
        raise ValidationError(_("This import was already confirmed."))
    count = 0
    for row in batch.ready_rows:
        data = dict(row["data"])
        fast_number = data.pop("fast_number", "")
        fast_expires = data.pop("fast_expires_on", None)
        fields = {
            k: date.fromisoformat(v) if k in DATE_TARGETS and v else v for k, v in data.items() if v
        }
        if fields.get("terminated_on"):
            fields["active"] = False
        employee = Employee(organization=organization, **fields)
        employee.full_clean()
        employee.save()
        if fast_number and fast_expires:
            services.card_add(
                actor=actor,
                organization=organization,
                employee=employee,
                kind="fast",
                number=fast_number,
                expires_on=date.fromisoformat(fast_expires),
            )
        count += 1
    batch.state = EmployeeImport.State.IMPORTED
    batch.imported_count = count
    batch.save(update_fields=["state", "imported_count"])
    activity_record(organization=organization, actor=actor, verb="employees.imported", count=count)
    return count
