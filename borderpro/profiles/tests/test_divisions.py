"""One security profile per division (issue 13, point 16): a carrier with two divisions keeps
two profiles (responses, readiness, gaps, packages, submissions), shares answers that are the
same, and the consultant's portfolio shows each division."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from borderpro.common.models import Job
from borderpro.profiles.models import (
    Division,
    PackageSnapshot,
    ReadinessPoint,
    Response,
    SecurityProfile,
)
from borderpro.profiles.services.divisions import (
    response_share,
    security_profile_main,
    security_profile_start,
)
from borderpro.profiles.services.responses import response_update
from borderpro.profiles.tests.factories import response_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _run_jobs() -> Any:
    from django.db import transaction

    original = transaction.on_commit
    transaction.on_commit = lambda func, using=None, robust=False: func()
    yield
    transaction.on_commit = original


@pytest.fixture
def two_divisions(carrier_a: Any, frameworks: Any) -> dict[str, Any]:
    """Carrier A: truckload (the main profile) answered PIP-001; LTL starts sharing it."""
    truckload = Division.objects.create(organization=carrier_a, name="Cross-border truckload")
    ltl = Division.objects.create(organization=carrier_a, name="LTL")
    response_for(
        carrier_a,
        frameworks["pip1"],
        status="implemented",
        narrative="Every trailer is sealed at the shipper with an ISO 17712 seal.",
    )
    main = security_profile_start(
        actor=None, organization=carrier_a, division=truckload, use_main=True
    )
    ltl_profile = security_profile_start(
        actor=None, organization=carrier_a, division=ltl, share_answers=True
    )
    return {"main": main, "ltl": ltl_profile, "ltl_division": ltl, **frameworks}


def test_a_carrier_with_one_division_sees_no_change(carrier_a: Any, frameworks: Any) -> None:
    response = response_for(carrier_a, frameworks["pip1"], status="implemented")
    assert response.security_profile == security_profile_main(carrier_a)
    assert SecurityProfile.objects.filter(organization=carrier_a).count() == 1
    assert security_profile_main(carrier_a).name == "Main profile"


def test_a_new_division_profile_shares_the_answers_it_was_started_with(
    two_divisions: Any, carrier_a: Any
) -> None:
    shared = Response.objects.get(security_profile=two_divisions["ltl"])
    assert shared.same_as is not None
    assert shared.same_as.security_profile == two_divisions["main"]
    assert two_divisions["main"].name == "Cross-border truckload"
    assert two_divisions["ltl"].code == "ltl"


def test_each_division_has_its_own_workspace_and_readiness(
    as_alice: Client, two_divisions: Any, carrier_a: Any
) -> None:
    page = as_alice.get(
        f"/o/{carrier_a.code}/profile/requirements/?division=ltl&framework=PIP"
    ).content.decode()
    assert "Same answer as the division “Cross-border truckload”" in page
    assert "Security profile of" in page  # the division switcher, keeping the framework
    assert "?division=ltl&amp;framework=PIP" in page
    ltl_response = Response.objects.get(
        security_profile=two_divisions["ltl"], requirement=two_divisions["pip1"]
    )
    # LTL works differently: stop sharing, then write its own answer
    response_share(actor=None, organization=carrier_a, response=ltl_response, source=None)
    ltl_response.refresh_from_db()
    assert ltl_response.narrative.startswith("Every trailer is sealed")  # a copy to edit
    response_update(
        actor=None,
        organization=carrier_a,
        response=ltl_response,
        expected_version=ltl_response.version,
        fields={"status": "partial", "narrative": "P&D trailers are padlocked between stops."},
    )
    today = carrier_a.local_today()
    main_point = ReadinessPoint.objects.filter(security_profile=two_divisions["main"]).first()
    ltl_point = ReadinessPoint.objects.get(
        security_profile=two_divisions["ltl"], framework=two_divisions["pip"], day=today
    )
    assert ltl_point.score < (main_point.score if main_point else 100)
    main_page = as_alice.get(
        f"/o/{carrier_a.code}/profile/requirements/?framework=PIP&division={two_divisions['main'].code}"
    ).content.decode()
    assert "Every trailer is sealed" in main_page and "padlocked" not in main_page
    ltl_page = as_alice.get(f"/o/{carrier_a.code}/profile/readiness/?division=ltl")
    assert ltl_page.status_code == 200
    # the switcher is remembered for the session: the next page stays on LTL
    again = as_alice.get(
        f"/o/{carrier_a.code}/profile/requirements/?framework=PIP"
    ).content.decode()
    assert "padlocked" in again


def test_an_unknown_division_is_a_404(as_alice: Client, two_divisions: Any, carrier_a: Any) -> None:
    assert (
        as_alice.get(f"/o/{carrier_a.code}/profile/requirements/?division=nope").status_code == 404
    )


def test_a_shared_answer_is_edited_where_it_was_written(two_divisions: Any, carrier_a: Any) -> None:
    shared = Response.objects.get(security_profile=two_divisions["ltl"])
    with pytest.raises(ValidationError) as caught:
        response_update(
            actor=None,
            organization=carrier_a,
            response=shared,
            expected_version=shared.version,
            fields={"narrative": "Something else"},
        )
    assert "shared with another division" in caught.value.message_dict["narrative"][0]
    shared.refresh_from_db()
    assert shared.narrative == ""  # nothing half-saved


def test_sharing_is_refused_between_different_requirements_or_chains(
    two_divisions: Any, carrier_a: Any
) -> None:
    main_other = response_for(carrier_a, two_divisions["pip"].requirements.get(ref="PIP-002"))
    shared = Response.objects.get(security_profile=two_divisions["ltl"])
    with pytest.raises(ValidationError, match="same requirement"):
        response_share(actor=None, organization=carrier_a, response=shared, source=main_other)
    main_answer = shared.same_as
    with pytest.raises(ValidationError, match="itself shared"):
        response_share(actor=None, organization=carrier_a, response=main_answer, source=shared)


def test_sharing_from_the_response_page(
    as_alice: Client, two_divisions: Any, carrier_a: Any
) -> None:
    shared = Response.objects.get(security_profile=two_divisions["ltl"])
    url = f"/o/{carrier_a.code}/profile/responses/{shared.pk}/"
    page = as_alice.get(url).content.decode()
    assert "Stop sharing" in page
    assert as_alice.post(url + "share/", {"same_as": ""}).status_code == 302
    shared.refresh_from_db()
    assert shared.same_as_id is None
    page = as_alice.get(url).content.decode()
    assert "Same answer as the division" in page  # offered again
    source = Response.objects.get(
        security_profile=two_divisions["main"], requirement=two_divisions["pip1"]
    )
    as_alice.post(url + "share/", {"same_as": str(source.pk)})
    shared.refresh_from_db()
    assert shared.same_as_id == source.pk


def test_two_divisions_export_two_packages(
    as_alice: Client, two_divisions: Any, carrier_a: Any
) -> None:
    for code in (two_divisions["main"].code, "ltl"):
        result = as_alice.post(
            f"/o/{carrier_a.code}/profile/packages/build/",
            {"framework": "PIP", "language": "en", "division": code},
        )
        assert result.status_code == 302
    jobs = list(Job.objects.filter(organization=carrier_a))
    assert len(jobs) == 2 and all(j.status == "succeeded" for j in jobs), [j.error for j in jobs]
    snapshots = {s.security_profile.code: s for s in PackageSnapshot.objects.all()}
    assert set(snapshots) == {two_divisions["main"].code, "ltl"}
    assert snapshots["ltl"].content["security_profile"]["name"] == "LTL"
    assert "-ltl-" in snapshots["ltl"].bundle.name
    ltl_page = as_alice.get(f"/o/{carrier_a.code}/profile/packages/?division=ltl").content.decode()
    assert str(snapshots["ltl"].pk) in ltl_page
    assert str(snapshots[two_divisions["main"].code].pk) not in ltl_page


def test_the_api_lists_divisions_and_answers_per_division(
    as_alice: Client, two_divisions: Any, carrier_a: Any
) -> None:
    base = f"/api/v1/o/{carrier_a.code}/profile/"
    divisions = as_alice.get(base + "divisions/").json()["results"]
    assert [(d["code"], d["main"]) for d in divisions] == [
        (two_divisions["main"].code, True),
        ("ltl", False),
    ]
    rows = as_alice.get(base + "responses/?framework=PIP&division=ltl").json()["results"]
    assert rows[0]["division"] == "ltl"
    assert rows[0]["shared_from"] == two_divisions["main"].code
    assert as_alice.get(base + "responses/?division=nope").status_code == 404
    job = as_alice.post(
        base + "packages/", {"framework": "PIP", "division": "ltl"}, content_type="application/json"
    )
    assert job.status_code == 202
    listed = as_alice.get(base + "packages/?division=ltl").json()["results"]
    assert [p["division"] for p in listed] == ["ltl"]


def test_a_division_with_its_own_profile_is_kept(two_divisions: Any, carrier_a: Any) -> None:
    from borderpro.profiles.services.profile import profile_row_delete

    with pytest.raises(ValidationError, match="own security profile"):
        profile_row_delete(actor=None, organization=carrier_a, row=two_divisions["ltl_division"])
    assert Division.objects.filter(pk=two_divisions["ltl_division"].pk).exists()


def test_starting_a_profile_from_the_company_page(
    as_alice: Client, carrier_a: Any, frameworks: Any
) -> None:
    division = Division.objects.create(organization=carrier_a, name="Flatbed")
    page = as_alice.get(f"/o/{carrier_a.code}/profile/company/").content.decode()
    assert "Start its security profile" in page
    result = as_alice.post(
        f"/o/{carrier_a.code}/profile/divisions/{division.pk}/security-profile/",
        {"start": "blank"},
    )
    assert result.status_code == 302 and result["Location"].endswith("?division=flatbed")
    again = as_alice.post(
        f"/o/{carrier_a.code}/profile/divisions/{division.pk}/security-profile/",
        {"start": "blank"},
        follow=True,
    )
    assert "already has its security profile" in again.content.decode()


def test_the_consultant_portfolio_shows_each_division(
    as_carol: Client, consultancy: Any, two_divisions: Any, carrier_a: Any
) -> None:
    page = as_carol.get(f"/o/{consultancy.code}/programs/").content.decode()
    assert "PIP readiness by division" in page
    assert "Cross-border truckload" in page and "LTL" in page
    assert f"?division={two_divisions['ltl'].code}" in page


def test_pip_minimum_security_requirements_need_every_division(
    two_divisions: Any, carrier_a: Any
) -> None:
    from borderpro.programs.facts import carrier_facts

    pip = two_divisions["pip"]
    day = date(2026, 11, 1)
    ReadinessPoint.objects.create(
        organization=carrier_a,
        security_profile=two_divisions["main"],
        framework=pip,
        day=day,
        score=100,
        must_score=100,
    )
    ReadinessPoint.objects.create(
        organization=carrier_a,
        security_profile=two_divisions["ltl"],
        framework=pip,
        day=day,
        score=60,
        must_score=50,
    )
    pip.code = "PIP"
    facts, _notes = carrier_facts([carrier_a])[carrier_a.pk]
    assert facts["organization"]["msr_compliant"] is False
