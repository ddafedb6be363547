"""Factories for programs, keeping every object inside one tenant."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

from borderpro.programs import services
from borderpro.programs.models import Membership


def membership_for(organization: Any, program: str = "PIP", **fields: Any) -> Membership:
    fields.setdefault("status", "approved")
    if fields["status"] in ("approved", "action_plan_open", "suspended"):
        fields.setdefault("approved_on", date(2022, 3, 15))
    return services.membership_save(
        actor=None, organization=organization, program=program, **fields
    )


def sample_program_code(organization: Any) -> Any:
    return SimpleNamespace(pk="PIP")


def sample_membership_id(organization: Any) -> Membership:
    return membership_for(organization, "PIP")
