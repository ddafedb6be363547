"""A consultancy's own frameworks and guidance notes: seen by its people and clients only."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from borderpro.catalogue.models import Framework, GuidanceNote, Requirement
from borderpro.catalogue.tests.factories import dump, framework_file, load_owned, requirement
from borderpro.organizations.models import Activity

pytestmark = pytest.mark.django_db


def _url(name: str, org: Any, *args: Any) -> str:
    return reverse(f"catalogue:{name}", args=[org.code, *args])


def _questionnaire(**overrides: Any) -> dict[str, Any]:
    return framework_file(
        "ACME-SQ",
        "2026",
        requirements=[
            requirement(
                "ACME-SQ-01", title="Seal every trailer", mappings=[("PIP-CARGO-01", "equivalent")]
            ),
            requirement(
                "ACME-SQ-02", title="Screen drivers", mappings=[("CTPAT-HC-11.1", "partial")]
            ),
        ],
        **overrides,
    )


def _upload(client: Client, org: Any, *files: tuple[str, bytes]) -> Any:
    uploads = [
        SimpleUploadedFile(name, content, content_type="application/yaml")
        for name, content in files
    ]
    return client.post(_url("upload", org), {"framework_files": uploads})


@pytest.fixture
def as_dave(dave: Any) -> Client:
    client = Client()
    client.force_login(dave)
    return client


def test_consultancy_uploads_its_framework(
    as_dave: Client, dave: Any, consultancy: Any, catalogue: Any
) -> None:
    response = _upload(as_dave, consultancy, ("acme.yaml", dump(_questionnaire())))
    framework = Framework.objects.get(code="ACME-SQ")
    assert response.status_code == 302
    assert response["Location"] == _url("framework", consultancy, framework.pk)
    assert framework.owner == consultancy and framework.loaded_by == dave
    assert Requirement.objects.filter(framework=framework).count() == 2
    activity = Activity.objects.get(organization=consultancy, verb="catalogue.framework_loaded")
    assert activity.params["edition"] == "2026"


def test_a_bad_upload_is_refused_whole_with_its_reasons(
    as_dave: Client, consultancy: Any, catalogue: Any
) -> None:
    bad = _questionnaire()
    bad["requirements"][1]["title"].pop("fr")
    bad["requirements"][0]["mappings"] = [{"ref": "PIP-NOPE-01", "relation": "equivalent"}]
    good = framework_file("OTHER-SQ", requirements=[requirement("OTHER-SQ-01")])
    response = _upload(as_dave, consultancy, ("acme.yaml", dump(bad)), ("other.yaml", dump(good)))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was loaded" in html
    assert "ACME-SQ-02" in html and "the French title is missing" in html
    assert "other.yaml: not loaded, because another file of the upload was refused" in html
    assert not Framework.objects.filter(owner=consultancy).exists()


def test_upload_refuses_non_yaml_and_shipped_codes(
    as_dave: Client, consultancy: Any, catalogue: Any
) -> None:
    response = _upload(as_dave, consultancy, ("notes.txt", b"hello"))
    assert "only YAML files (.yaml or .yml) can be loaded" in response.content.decode()
    clash = framework_file("PIP", requirements=[requirement("PIP-CORP-01")])
    html = _upload(as_dave, consultancy, ("pip.yaml", dump(clash))).content.decode()
    assert "the code PIP is used by the shipped catalogue; choose another code" in html
    assert "this ref is already used by the shipped catalogue" in html
    assert not Framework.objects.filter(owner=consultancy).exists()


def test_only_consultancy_managers_load_frameworks(
    as_carol: Client, as_alice: Client, consultancy: Any, carrier_a: Any
) -> None:
    assert as_carol.get(_url("upload", consultancy)).status_code == 403
    assert as_alice.get(_url("upload", carrier_a)).status_code == 404


def test_consultancy_frameworks_are_seen_by_its_people_and_clients_only(
    consultancy: Any,
    carrier_a: Any,
    carrier_b: Any,
    as_carol: Client,
    as_alice: Client,
    as_charlie: Client,
    catalogue: Any,
) -> None:
    assert load_owned(consultancy, _questionnaire()).ok
    framework = Framework.objects.get(code="ACME-SQ")
    item = Requirement.objects.get(ref="ACME-SQ-01")
    for client, org in ((as_carol, consultancy), (as_carol, carrier_a), (as_alice, carrier_a)):
        assert client.get(_url("framework", org, framework.pk)).status_code == 200
        assert client.get(_url("requirement", org, item.pk)).status_code == 200
        listing = client.get(_url("requirements", org), {"q": "seal every trailer"})
        assert "ACME-SQ-01" in [r.ref for r in listing.context["page"].object_list]
    assert as_charlie.get(_url("framework", carrier_b, framework.pk)).status_code == 404
    assert as_charlie.get(_url("requirement", carrier_b, item.pk)).status_code == 404
    listing = as_charlie.get(_url("requirements", carrier_b), {"q": "seal every trailer"})
    assert "ACME-SQ-01" not in [r.ref for r in listing.context["page"].object_list]
    api = as_charlie.get(f"/api/v1/o/{carrier_b.code}/catalogue/requirements/{item.pk}/")
    assert api.status_code == 404
    codes = [
        f["code"]
        for f in as_charlie.get(f"/api/v1/o/{carrier_b.code}/catalogue/frameworks/").json()[
            "results"
        ]
    ]
    assert "ACME-SQ" not in codes
    # the shipped requirement it maps to does not reveal the mapping to outsiders
    target = Requirement.objects.get(ref="PIP-CARGO-01")
    assert (
        "ACME-SQ-01"
        not in as_charlie.get(_url("requirement", carrier_b, target.pk)).content.decode()
    )
    assert "ACME-SQ-01" in as_alice.get(_url("requirement", carrier_a, target.pk)).content.decode()


def test_consultant_writes_a_guidance_note_clients_read_it_outsiders_do_not(
    consultancy: Any,
    carrier_a: Any,
    carrier_b: Any,
    carol: Any,
    as_carol: Client,
    as_alice: Client,
    as_charlie: Client,
    as_bob: Client,
    catalogue: Any,
) -> None:
    target = Requirement.objects.get(ref="PIP-CORP-02")
    note_url = _url("note", carrier_a, target.pk)
    response = as_carol.post(note_url, {"text": "Ask for the signed yearly review page."})
    assert response.status_code == 302
    note = GuidanceNote.objects.get()
    assert note.organization == consultancy and note.author == carol
    assert Activity.objects.filter(organization=consultancy, verb="catalogue.note_saved").exists()
    assert (
        "Ask for the signed yearly review page."
        in as_alice.get(_url("requirement", carrier_a, target.pk)).content.decode()
    )
    assert (
        "Ask for the signed yearly review page."
        in as_carol.get(_url("requirement", consultancy, target.pk)).content.decode()
    )
    assert (
        "Ask for the signed yearly review page."
        not in as_charlie.get(_url("requirement", carrier_b, target.pk)).content.decode()
    )
    assert as_alice.post(note_url, {"text": "mine"}).status_code == 403
    assert as_bob.post(note_url, {"text": "mine"}).status_code == 403
    assert as_charlie.post(_url("note", carrier_b, target.pk), {"text": "mine"}).status_code == 403
    # editing replaces the note and keeps its history; an empty note is refused
    as_carol.post(note_url, {"text": "Ask for the signed and dated yearly review page."})
    note.refresh_from_db()
    assert (
        note.text == "Ask for the signed and dated yearly review page."
        and note.history.count() == 2
    )
    assert as_carol.post(note_url, {"text": "   "}).status_code == 400
    as_carol.post(note_url, {"delete": "1"})
    assert not GuidanceNote.objects.exists()


def test_the_compare_page_shows_which_noted_refs_carry_over(
    consultancy: Any, dave: Any, as_carol: Client, carrier_a: Any, catalogue: Any
) -> None:
    from borderpro.catalogue.demo import seed

    seed(consultancy, dave)
    older = Framework.objects.get(owner=consultancy, code="GLFF-SQ", edition="2025")
    newer = Framework.objects.get(owner=consultancy, code="GLFF-SQ", edition="2026")
    assert newer.is_current and not older.is_current
    response = as_carol.get(_url("compare", consultancy), {"a": str(older.pk), "b": str(newer.pk)})
    result = response.context["result"]
    assert [r.ref for r in result.added] == ["GLFF-SQ-07"]
    assert [r.ref for r in result.retired] == ["GLFF-SQ-06"]
    assert [r.ref for r in result.reworded] == ["GLFF-SQ-02"]
    assert [r.ref for r in result.relevelled] == ["GLFF-SQ-04"]
    outcomes = {c.ref: c.outcome for c in result.carry_over}
    assert outcomes == {"GLFF-SQ-02": "review", "GLFF-SQ-06": "none"}
    # default choice: the family with two editions, older against newer
    assert as_carol.get(_url("compare", carrier_a)).context["result"].b == newer
    seed(consultancy, dave)  # safe to run again
    assert GuidanceNote.objects.filter(organization=consultancy).count() == 5
