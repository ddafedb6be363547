from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from borderpro.common.samples import png_bytes
from borderpro.evidence.models import EvidenceFile
from borderpro.operations.tests.factories import ensure_checklists, unit_for

pytestmark = pytest.mark.django_db


def test_the_inspection_screen_lists_the_17_points_from_the_catalogue(
    as_bob: Any, carrier_a: Any
) -> None:
    ensure_checklists()
    unit_for(carrier_a, number="TR-42")
    page = as_bob.get(f"/o/{carrier_a.code}/field/inspect/").content.decode()
    msc17 = page.split('data-checklist="msc17"')[1].split('data-checklist="tractor7"')[0]
    assert (
        msc17.count('data-point="INSP-TRACTOR-') == 7
        and msc17.count('data-point="INSP-TRAILER-') == 10
    )
    assert 'capture="environment"' in page and "data-signature" in page and "TR-42" in page


def test_the_inspection_screen_in_french(as_bob: Any, carrier_a: Any) -> None:
    ensure_checklists()
    as_bob.post("/account/language/", {"language": "fr", "next": "/"})
    page = as_bob.get(
        f"/o/{carrier_a.code}/field/inspect/", HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert "Pare-chocs, pneus et jantes" in page


def test_service_worker_and_manifest_are_served_for_the_field_scope(
    as_bob: Any, carrier_a: Any
) -> None:
    sw = as_bob.get(f"/o/{carrier_a.code}/field/sw.js")
    assert sw.status_code == 200 and sw["Content-Type"].startswith("application/javascript")
    assert sw["Service-Worker-Allowed"] == f"/o/{carrier_a.code}/field/"
    manifest = as_bob.get(f"/o/{carrier_a.code}/field/manifest.webmanifest").json()
    assert (
        manifest["scope"] == f"/o/{carrier_a.code}/field/" and manifest["display"] == "standalone"
    )


def test_a_photo_upload_retried_with_the_same_client_id_is_stored_once(
    as_bob: Any, carrier_a: Any
) -> None:
    client_id = str(uuid4())
    url = f"/api/v1/o/{carrier_a.code}/field-photos/"
    first = as_bob.post(
        url, {"client_id": client_id, "file": SimpleUploadedFile("p.png", png_bytes(20, 20))}
    )
    second = as_bob.post(
        url, {"client_id": client_id, "file": SimpleUploadedFile("p.png", png_bytes(20, 20))}
    )
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    assert EvidenceFile.objects.filter(organization=carrier_a).count() == 1


def test_a_photo_without_client_id_is_refused_naming_the_field(as_bob: Any, carrier_a: Any) -> None:
    response = as_bob.post(
        f"/api/v1/o/{carrier_a.code}/field-photos/",
        {"file": SimpleUploadedFile("p.png", png_bytes())},
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "client_id"


def test_viewers_and_outsiders_cannot_open_the_field_app(as_charlie: Any, carrier_a: Any) -> None:
    assert as_charlie.get(f"/o/{carrier_a.code}/field/").status_code == 404


def test_field_staff_land_on_the_field_app_with_a_menu_entry(
    as_bob: Any, as_alice: Any, carrier_a: Any
) -> None:
    assert as_bob.get("/")["Location"] == f"/o/{carrier_a.code}/field/"
    assert as_alice.get("/")["Location"] == f"/o/{carrier_a.code}/"
    dashboard = as_bob.get(f"/o/{carrier_a.code}/").content.decode()
    assert f'href="/o/{carrier_a.code}/field/"' in dashboard


def test_the_inspection_screen_knows_which_units_are_held(as_bob: Any, carrier_a: Any) -> None:
    ensure_checklists()
    unit_for(carrier_a, number="TR-HELD", status="held")
    page = as_bob.get(f"/o/{carrier_a.code}/field/inspect/").content.decode()
    assert '"number": "TR-HELD", "kind": "trailer", "status": "held"' in page
    assert "data-held hidden" in page and "What to do:" in page
