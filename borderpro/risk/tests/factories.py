"""Factories for the risk assessment, keeping every object inside one tenant."""

from __future__ import annotations

from datetime import date
from typing import Any

from borderpro.risk import services
from borderpro.risk.models import Action, Assessment, Flow, ThreatRating, Vulnerability


def assessment_for(organization: Any, year: int = 2026, **fields: Any) -> Assessment:
    return services.assessment_create(actor=None, organization=organization, year=year, **fields)


def flow_for(
    assessment: Assessment, name: str = "Mississauga ON → Chicago IL", **fields: Any
) -> Flow:
    values = {
        "origin": "Mississauga ON",
        "destination": "Chicago IL",
        "crossings": "Ambassador Bridge (Windsor-Detroit)",
        "partners": "Lakeshore Cartage — drayage",
        "data_flow": "us → Lakeshore Cartage: seal numbers",
        **fields,
    }
    return services.flow_create(
        actor=None, organization=assessment.organization, assessment=assessment, name=name, **values
    )


def rating_for(
    assessment: Assessment, threat: str = "contraband", level: int = 2, flow: Flow | None = None
) -> ThreatRating:
    return services.threat_rate(
        actor=None,
        organization=assessment.organization,
        assessment=assessment,
        threat=threat,
        level=level,
        justification="Seizures reported on this corridor.",
        flow=flow,
    )


def action_for(assessment: Assessment, **fields: Any) -> Action:
    values = {
        "title": "Add a second seal check",
        "owner": "Dispatch lead",
        "due_on": date(assessment.year, 6, 30),
        **fields,
    }
    return services.action_create(
        actor=None, organization=assessment.organization, assessment=assessment, **values
    )


def vulnerability_for(assessment: Assessment) -> Vulnerability:
    from borderpro.catalogue.models import Category, Framework

    framework = assessment.framework
    if framework is None:
        framework = Framework.objects.filter(owner__isnull=True).first()
        if framework is None:
            from borderpro.profiles.tests.factories import catalogue

            framework = catalogue("CTPAT-HC", n=2, categories=2)
        assessment.framework = framework
        assessment.save(update_fields=["framework"])
    services.vulnerabilities_refresh(organization=assessment.organization, assessment=assessment)
    category = Category.objects.filter(framework=framework).first()
    return Vulnerability.objects.get(assessment=assessment, category=category)


def sample_assessment_id(organization: Any) -> Assessment:
    return assessment_for(organization)


def sample_flow_id(organization: Any) -> Flow:
    return flow_for(assessment_for(organization))


def sample_action_id(organization: Any) -> Action:
    return action_for(assessment_for(organization))


def sample_rating_id(organization: Any) -> ThreatRating:
    return rating_for(assessment_for(organization))


def sample_vulnerability_id(organization: Any) -> Vulnerability:
    return vulnerability_for(assessment_for(organization))
