"""The API: token auth bound to one organization, one error format, evidence endpoints."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from borderpro.accounts.models import ApiToken
from borderpro.accounts.services import api_token_create
from borderpro.common.samples import pdf_bytes
from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.tests.factories import evidence_for

pytestmark = pytest.mark.django_db


def bearer(raw: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def alice_token(alice, carrier_a) -> str:
    return api_token_create(user=alice, organization=carrier_a, name="sync", read_only=False)[1]


def test_token_lists_evidence_of_its_organization(alice_token, carrier_a) -> None:
    evidence_for(carrier_a, title="Statement of support")
    response = Client().get(f"/api/v1/o/{carrier_a.code}/evidence/", **bearer(alice_token))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["results"][0]["title"] == "Statement of support"
    assert ApiToken.objects.get().last_used_at is not None


def test_token_is_bound_to_one_organization(alice, carrier_a, consultancy, carol) -> None:
    """Carol can open carrier A, but her consultancy token cannot."""
    raw = api_token_create(user=carol, organization=consultancy, name="c", read_only=False)[1]
    response = Client().get(f"/api/v1/o/{carrier_a.code}/evidence/", **bearer(raw))
    assert response.status_code == 404
    assert response.json() == {
        "errors": [{"field": None, "code": "not_found", "message": "Not found."}]
    }


def test_read_only_token_cannot_write(alice, carrier_a) -> None:
    raw = api_token_create(user=alice, organization=carrier_a, name="ro", read_only=True)[1]
    response = Client().post(
        f"/api/v1/o/{carrier_a.code}/evidence/",
        {"file": SimpleUploadedFile("a.pdf", pdf_bytes("a"))},
        **bearer(raw),
    )
    assert response.status_code == 403
    assert response.json()["errors"][0]["message"] == "This API token is read-only."
    assert not EvidenceFile.objects.exists()


def test_upload_through_the_api(alice_token, carrier_a) -> None:
    response = Client().post(
        f"/api/v1/o/{carrier_a.code}/evidence/",
        {
            "file": SimpleUploadedFile("roster.pdf", pdf_bytes("roster")),
            "title": "Roster",
            "expires_on": "2027-01-31",
        },
        **bearer(alice_token),
    )
    assert response.status_code == 201, response.content
    assert response.json()["sha256"] == EvidenceFile.objects.get().sha256


def test_refused_upload_names_the_field_and_reason(alice_token, carrier_a) -> None:
    response = Client().post(
        f"/api/v1/o/{carrier_a.code}/evidence/",
        {"file": SimpleUploadedFile("tool.pdf", b"MZ" + b"\x00" * 64)},
        **bearer(alice_token),
    )
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "file"
    assert "tool.pdf was not stored" in error["message"] and "Windows program" in error["message"]


def test_validation_errors_list_every_bad_field(alice_token, carrier_a) -> None:
    evidence = evidence_for(carrier_a)
    response = Client().patch(
        f"/api/v1/o/{carrier_a.code}/evidence/{evidence.pk}/",
        data={"title": "", "expires_on": "31/12/2026"},
        content_type="application/json",
        **bearer(alice_token),
    )
    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"title", "expires_on"}


def test_unknown_or_revoked_token_is_401_in_the_error_format(alice, carrier_a) -> None:
    token, raw = api_token_create(user=alice, organization=carrier_a, name="x", read_only=False)
    assert Client().get("/api/v1/me/", **bearer("bp_nope")).status_code == 401
    token.revoked_at = token.created_at
    token.save()
    response = Client().get("/api/v1/me/", **bearer(raw))
    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "authentication_failed"


def test_anonymous_gets_401_with_the_error_format() -> None:
    response = Client().get("/api/v1/me/")
    assert response.status_code in (401, 403)
    assert set(response.json()["errors"][0]) == {"field", "code", "message"}


def test_me_lists_only_the_token_organization(alice_token, alice, carrier_a, carrier_b) -> None:
    from borderpro.organizations.models import Membership

    Membership.objects.create(user=alice, organization=carrier_b, role="viewer")
    body = Client().get("/api/v1/me/", **bearer(alice_token)).json()
    assert [o["code"] for o in body["organizations"]] == [carrier_a.code]


def test_create_api_token_command_prints_a_working_token(alice, carrier_a, capsys) -> None:
    call_command("create_api_token", "--email", alice.email, "--org", carrier_a.code, "--read-only")
    raw = capsys.readouterr().out.strip()
    assert raw.startswith("bp_")
    token = ApiToken.objects.get()
    assert token.read_only and token.token_hash != raw and raw not in token.token_hash
    assert (
        Client().get(f"/api/v1/o/{carrier_a.code}/", **bearer(raw)).json()["code"] == carrier_a.code
    )


def test_api_list_query_count_is_constant(
    alice_token, carrier_a, django_assert_num_queries
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    evidence_for(carrier_a, title="first")
    client.get(f"/api/v1/o/{carrier_a.code}/evidence/", **bearer(alice_token))  # records last use
    with CaptureQueriesContext(connection) as few:
        client.get(f"/api/v1/o/{carrier_a.code}/evidence/", **bearer(alice_token))
    for index in range(12):
        evidence_for(carrier_a, title=f"more {index}")
    with CaptureQueriesContext(connection) as many:
        client.get(f"/api/v1/o/{carrier_a.code}/evidence/", **bearer(alice_token))
    assert len(many) == len(few)


def test_openapi_schema_is_valid(as_alice) -> None:
    from openapi_spec_validator import validate

    response = as_alice.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    import json

    schema = json.loads(response.content)
    validate(schema)
    assert "/api/v1/o/{org_code}/evidence/" in schema["paths"]


def test_docs_page_is_served_without_any_external_asset(as_alice) -> None:
    page = as_alice.get("/api/v1/docs/").content.decode()
    assert "swagger" in page.lower()
    assert "cdn." not in page and "unpkg" not in page and "jsdelivr" not in page


def test_token_of_a_consultant_opens_the_assigned_client(carol, carrier_a) -> None:
    """Access that does not come from a membership (a consultant through the client link)
    is still resolved for a token bound to the client."""
    raw = api_token_create(user=carol, organization=carrier_a, name="c", read_only=False)[1]
    response = Client().get(f"/api/v1/o/{carrier_a.code}/evidence/", **bearer(raw))
    assert response.status_code == 200


def test_role_changes_and_removal_take_effect_on_the_next_request(alice, carrier_a) -> None:
    from borderpro.organizations.models import Membership

    raw = api_token_create(user=alice, organization=carrier_a, name="x", read_only=False)[1]
    url = f"/api/v1/o/{carrier_a.code}/evidence/"
    upload = {"file": SimpleUploadedFile("a.pdf", pdf_bytes("a"))}
    membership = Membership.objects.get(user=alice, organization=carrier_a)
    membership.role = "viewer"
    membership.save()
    assert Client().post(url, upload, **bearer(raw)).status_code == 403
    membership.delete()
    assert Client().get(url, **bearer(raw)).status_code == 404
    assert not EvidenceFile.objects.exists()


def test_token_of_a_deactivated_user_is_refused(alice, carrier_a) -> None:
    raw = api_token_create(user=alice, organization=carrier_a, name="x", read_only=False)[1]
    alice.is_active = False
    alice.save()
    response = Client().get(f"/api/v1/o/{carrier_a.code}/", **bearer(raw))
    assert response.status_code == 401
