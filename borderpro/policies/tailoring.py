"""Tailoring: a template's text filled in from what Border Pro knows about the carrier, in a
sandboxed template language (Jinja2's ``ImmutableSandboxedEnvironment``).

A template sees only the variables of :func:`carrier_variables` (plain strings, numbers,
booleans, lists and dicts): no attribute starting with ``_``, no import, include or extends,
no global function but ``range`` (capped), no output beyond ``MAX_OUTPUT`` characters.
A template that reaches further is refused with :class:`TemplateRefused`, whose message
says what was refused and where.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _
from jinja2 import StrictUndefined, TemplateError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_OUTPUT = 400_000
MAX_RANGE = 1_000
MAX_POWER = 100


class TemplateRefused(ValueError):
    """The template may not be rendered: the message says why, for the person who wrote it."""


def _range(*args: int) -> range:
    r = range(*args)
    if len(r) > MAX_RANGE:
        raise SecurityError(f"range() is limited to {MAX_RANGE} items")
    return r


class _Sandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and (abs(right) > MAX_POWER if isinstance(right, int) else True):
            raise SecurityError("powers are limited")
        if operator == "*":
            for a, b in ((left, right), (right, left)):
                if isinstance(a, (str, list, tuple)) and isinstance(b, int) and b * len(a) > 10_000:
                    raise SecurityError("repeating text is limited")
        return super().call_binop(context, operator, left, right)


def _environment() -> _Sandbox:
    env = _Sandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.globals.clear()
    env.globals["range"] = _range
    # "… Carriers Ltd." ends a sentence without a second period
    env.filters["period"] = lambda text: str(text) if str(text).endswith(".") else f"{text}."
    return env


ENV = _environment()
_FORBIDDEN_NODES = (nodes.Import, nodes.FromImport, nodes.Include, nodes.Extends)


_STATEMENT = re.compile(r"{%-?\s*(import|from|include|extends)\b")


def check(source: str) -> Any:
    """Refuse, before rendering, a template that imports, includes or reaches for ``_`` names."""
    found = _STATEMENT.search(source)
    if found:
        raise TemplateRefused(
            _("Line %(line)s: templates may not import, include or extend other files.")
            % {"line": source.count("\n", 0, found.start()) + 1}
        )
    try:
        tree = ENV.parse(source)
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        raise TemplateRefused(
            _("The template has a syntax error on line %(line)s: %(error)s")
            % {"line": line or "?", "error": exc}
        ) from exc
    for node in tree.find_all(_FORBIDDEN_NODES):
        raise TemplateRefused(
            _("Line %(line)s: templates may not import, include or extend other files.")
            % {"line": node.lineno}
        )
    for access in tree.find_all((nodes.Getattr, nodes.Getitem)):
        name = getattr(access, "attr", None) or getattr(getattr(access, "arg", None), "value", "")
        if isinstance(name, str) and name.startswith("_"):
            raise TemplateRefused(
                _("Line %(line)s: “%(name)s” is not one of the variables offered to templates.")
                % {"line": access.lineno, "name": name}
            )
    return tree


def render(source: str, variables: dict[str, Any]) -> str:
    """The tailored text, or :class:`TemplateRefused`."""
    check(source)
    try:
        template = ENV.from_string(source)
        out: list[str] = []
        size = 0
        for chunk in template.generate(**variables):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TemplateRefused(_("The tailored text is too long (over 400,000 characters)."))
            out.append(chunk)
    except SecurityError as exc:
        raise TemplateRefused(
            _("The template tried to reach beyond the variables it is offered: %(error)s")
            % {"error": exc}
        ) from exc
    except TemplateError as exc:
        raise TemplateRefused(
            _("The template could not be filled in: %(error)s") % {"error": exc}
        ) from exc
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise TemplateRefused(
            _("The template could not be filled in: %(error)s") % {"error": exc}
        ) from exc
    return "".join(out)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def carrier_variables(organization: Any, language: str) -> dict[str, Any]:
    """Everything a template may use, as plain data (documented on the library page)."""
    from borderpro.people.models import Employee
    from borderpro.profiles.models import CarrierProfile, Site

    profile = CarrierProfile.objects.filter(organization=organization).first()
    p: Any = profile or CarrierProfile(organization=organization, legal_name=organization.name)
    sites = [
        {
            "name": s.name,
            "kind": s.get_kind_display(),
            "address": s.address,
            "activity": s.activity,
            "hours": s.hours,
            "security_features": s.security_features,
            "cctv": "cctv" in s.security_features.lower()
            or "camera" in s.security_features.lower(),
        }
        for s in Site.objects.filter(organization=organization).order_by("name")
    ]
    staff = dict.fromkeys(("driver", "yard", "dispatch", "office"), 0)
    for role in Employee.objects.filter(organization=organization, active=True).values_list(
        "role", flat=True
    ):
        staff[role] = staff.get(role, 0) + 1
    lines = list(p.lines_of_business or [])
    trailers = p.dry_vans + p.reefers + p.flatbeds + p.other_trailers
    return {
        "company": {
            "name": p.operating_name or organization.name,
            "legal_name": p.legal_name or organization.name,
            "city": getattr(organization, "city", ""),
            "province": getattr(organization, "region", ""),
            "carrier_code": p.cbsa_carrier_code,
            "scac": p.scac,
        },
        "officer": {"name": p.officer_name, "title": p.officer_title, "email": p.officer_email},
        "contact": {
            "name": p.contact_name,
            "title": p.contact_title,
            "email": p.contact_email,
            "phone": p.contact_phone,
        },
        "sites": sites,
        "crossings": _lines(p.border_crossings),
        "lanes": _lines(p.lanes),
        "fleet": {
            "tractors": p.tractors,
            "straight_trucks": p.straight_trucks,
            "dry_vans": p.dry_vans,
            "reefers": p.reefers,
            "flatbeds": p.flatbeds,
            "trailers": trailers,
        },
        "people": {
            "company_drivers": p.company_drivers,
            "owner_operators": p.owner_operators,
            "office_staff": p.office_staff,
            "yard_staff": p.yard_staff,
            "employees_by_role": staff,
        },
        "has": {
            "reefers": p.reefers > 0 or "temperature" in lines,
            "ltl": "ltl" in lines,
            "flatbeds": p.flatbeds > 0 or "flatbed" in lines,
            "owner_operators": p.owner_operators > 0,
            "cctv": any(s["cctv"] for s in sites),
            "warehouse": "warehousing" in lines,
            "bonded": bool(p.bonded),
        },
        "language": language,
    }


# What the library page lists as the variables a template may use.
VARIABLES = [
    ("company.name / company.legal_name / company.city", "Carrier profile"),
    ("officer.name / officer.title / officer.email", "Carrier profile"),
    ("contact.name / contact.title / contact.email / contact.phone", "Carrier profile"),
    ("sites (name, kind, address, activity, hours, security_features, cctv)", "Sites"),
    ("crossings, lanes", "Carrier profile"),
    ("fleet.tractors / fleet.reefers / fleet.flatbeds / fleet.trailers", "Carrier profile"),
    ("people.company_drivers / people.owner_operators / people.employees_by_role", "People"),
    ("has.reefers / has.ltl / has.cctv / has.owner_operators / has.warehouse", "Carrier profile"),
]
