"""Organizations, invitations, roles, consultancies and their clients."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from borderpro.organizations.models import Invitation, Membership, Organization
from borderpro.organizations.tenancy import organizations_for_user
from borderpro.organizations.tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    link_client,
)

pytestmark = pytest.mark.django_db


def test_invitation_email_then_acceptance(
    as_alice, carrier_a, user_factory, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = as_alice.post(
            f"/o/{carrier_a.code}/team/", {"email": "Dana@Example.com", "role": "contributor"}
        )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["dana@example.com"] and carrier_a.name in message.subject
    link = next(line for line in message.body.splitlines() if "/invitations/" in line)
    path = link[link.index("/invitations/") :].strip()
    dana = user_factory(email="dana@example.com")
    client = Client()
    client.force_login(dana)
    assert client.post(path).status_code == 302
    assert Membership.objects.get(user=dana, organization=carrier_a).role == "contributor"
    assert client.post(path).status_code == 200  # already used: says so
    assert "expired or was withdrawn" in client.get(path).content.decode()


def test_invitation_for_another_address_is_refused(as_alice, carrier_a, charlie) -> None:
    from borderpro.organizations.services import invitation_create

    _inv, raw = invitation_create(
        actor=None, organization=carrier_a, email="dana@example.com", role="viewer"
    )
    client = Client()
    client.force_login(charlie)
    response = client.post(f"/invitations/{raw}/", follow=True)
    assert "was sent to dana@example.com" in response.content.decode()
    assert not Membership.objects.filter(user=charlie, organization=carrier_a).exists()


def test_invite_form_errors_name_the_field(as_alice, carrier_a, bob) -> None:
    response = as_alice.post(
        f"/o/{carrier_a.code}/team/", {"email": "not-an-email", "role": "owner"}
    )
    assert "email" in response.context["form"].errors
    response = as_alice.post(f"/o/{carrier_a.code}/team/", {"email": bob.email, "role": "viewer"})
    assert "already a member" in response.content.decode()
    response = as_alice.post(
        f"/o/{carrier_a.code}/team/", {"email": "x@example.com", "role": "consultant"}
    )
    assert "role" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_field_staff_cannot_invite(as_bob, carrier_a) -> None:
    assert (
        as_bob.post(
            f"/o/{carrier_a.code}/team/", {"email": "x@example.com", "role": "owner"}
        ).status_code
        == 403
    )
    assert not Invitation.objects.exists()


def test_the_last_owner_stays(carrier_a, alice) -> None:
    owner = MembershipFactory(organization=carrier_a, role="owner")
    client = Client()
    client.force_login(alice)
    response = client.post(f"/o/{carrier_a.code}/team/{owner.pk}/remove/", follow=True)
    assert "at least one owner" in response.content.decode()
    response = client.post(
        f"/o/{carrier_a.code}/team/{owner.pk}/role/", {"role": "viewer"}, follow=True
    )
    assert "at least one owner" in response.content.decode()
    owner.refresh_from_db()
    assert owner.role == "owner"


def test_role_change_is_kept_in_history(as_alice, carrier_a, bob) -> None:
    membership = Membership.objects.get(user=bob)
    as_alice.post(f"/o/{carrier_a.code}/team/{membership.pk}/role/", {"role": "contributor"})
    membership.refresh_from_db()
    assert membership.role == "contributor"
    assert [h.role for h in membership.history.order_by("history_date")] == [
        "field_staff",
        "contributor",
    ]


def test_consultant_sees_only_assigned_clients(consultancy, carrier_a, carrier_b, carol) -> None:
    link_client(consultancy, carrier_b)  # a client Carol is not assigned to
    codes = {org.code for org, _role in organizations_for_user(carol)}
    assert codes == {consultancy.code, carrier_a.code}
    client = Client()
    client.force_login(carol)
    assert client.get(f"/o/{carrier_b.code}/").status_code == 404


def test_consultant_admin_sees_every_client(consultancy, carrier_a, carrier_b) -> None:
    admin = MembershipFactory(organization=consultancy, role="consultant_admin").user
    link_client(consultancy, carrier_a)
    link_client(consultancy, carrier_b)
    roles = {org.code: role for org, role in organizations_for_user(admin)}
    assert roles[carrier_a.code] == roles[carrier_b.code] == "consultant_admin"


def test_consultancy_adds_a_client_and_assigns_a_consultant(consultancy, carol) -> None:
    admin = MembershipFactory(organization=consultancy, role="consultant_admin").user
    client = Client()
    client.force_login(admin)
    response = client.post(
        f"/o/{consultancy.code}/clients/",
        {
            "name": "Fleuve Transport",
            "business_type": "highway_carrier",
            "country": "CA",
            "region": "QC",
            "time_zone": "America/Toronto",
            "language": "fr",
        },
    )
    assert response.status_code == 302
    fleuve = Organization.objects.get(name="Fleuve Transport")
    link = fleuve.consultancy_links.get()
    client.post(f"/o/{consultancy.code}/clients/{link.pk}/assign/", {"user": carol.pk})
    assert fleuve.code in {o.code for o, _r in organizations_for_user(carol)}
    client.post(
        f"/o/{consultancy.code}/clients/{link.pk}/assign/", {"user": carol.pk, "action": "remove"}
    )
    assert fleuve.code not in {o.code for o, _r in organizations_for_user(carol)}


def test_switcher_lists_every_organization_with_constant_queries(
    consultancy, carol, django_assert_max_num_queries
) -> None:
    for _ in range(10):
        link_client(consultancy, OrganizationFactory(), assign=[carol])
    with django_assert_max_num_queries(3):
        result = organizations_for_user(carol)
    assert len(result) == 12  # the consultancy, carrier A and the ten new clients


def test_portfolio_dashboard_query_count_does_not_grow(consultancy, carol) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(carol)
    client.get(f"/o/{consultancy.code}/")  # the first view also remembers the organization
    link_client(consultancy, OrganizationFactory(), assign=[carol])
    with CaptureQueriesContext(connection) as few:
        assert client.get(f"/o/{consultancy.code}/").status_code == 200
    for _ in range(12):
        link_client(consultancy, OrganizationFactory(), assign=[carol])
    with CaptureQueriesContext(connection) as many:
        client.get(f"/o/{consultancy.code}/")
    assert len(many) == len(few)


def test_new_user_without_organization_is_offered_to_create_one(user_factory) -> None:
    client = Client()
    client.force_login(user_factory())
    response = client.get("/")
    assert response["Location"] == "/organizations/new/"
    response = client.post(
        "/organizations/new/",
        {
            "name": "Solo Haul",
            "kind": "client",
            "country": "CA",
            "time_zone": "America/Toronto",
            "language": "en",
        },
    )
    assert "business_type" in response.context["form"].errors
    response = client.post(
        "/organizations/new/",
        {
            "name": "Solo Haul",
            "kind": "client",
            "business_type": "highway_carrier",
            "country": "CA",
            "time_zone": "Mars/Olympus",
            "language": "en",
        },
    )
    assert "time_zone" in response.context["form"].errors
    assert not Organization.objects.filter(name="Solo Haul").exists()


def test_integrity_page_verifies_in_the_background(
    as_alice, carrier_a, django_capture_on_commit_callbacks
) -> None:
    from borderpro.organizations.activity import activity_record

    activity_record(organization=carrier_a, actor=None, verb="organization.updated")
    with django_capture_on_commit_callbacks(execute=True):
        response = as_alice.post(f"/o/{carrier_a.code}/integrity/")
    page = as_alice.get(response["Location"]).content.decode()
    assert "Intact" in page


def test_seed_demo_is_idempotent() -> None:
    from django.core.management import call_command

    from borderpro.evidence.models import EvidenceFile

    call_command("seed_demo", verbosity=0)
    counts = (
        Organization.objects.count(),
        Membership.objects.count(),
        EvidenceFile.objects.count(),
    )
    call_command("seed_demo", verbosity=0)
    assert (
        Organization.objects.count(),
        Membership.objects.count(),
        EvidenceFile.objects.count(),
    ) == counts
    assert Organization.objects.get(code="laurentid").language == "fr"


def test_carrier_overview_shows_each_module_panel(as_alice, carrier_a) -> None:
    page = as_alice.get(f"/o/{carrier_a.code}/").content.decode()
    assert "Security profile readiness" in page
    assert "Programs" in page and "Partners in Protection" in page


def test_panels_respect_the_permission_table(as_bob, carrier_a) -> None:
    """Field staff may not read the security profile: its panel is not shown."""
    page = as_bob.get(f"/o/{carrier_a.code}/").content.decode()
    assert "Security profile readiness" not in page


def test_field_staff_sees_the_field_operations_panel(as_bob, carrier_a) -> None:
    page = as_bob.get(f"/o/{carrier_a.code}/").content.decode()
    assert "Field operations" in page and "units on hold" in page


def test_carrier_overview_query_count_does_not_grow_with_records(
    as_alice, carrier_a, alice
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from borderpro.evidence.tests.factories import evidence_for
    from borderpro.organizations.activity import activity_record

    as_alice.get(f"/o/{carrier_a.code}/")
    with CaptureQueriesContext(connection) as few:
        as_alice.get(f"/o/{carrier_a.code}/")
    for index in range(10):
        evidence_for(carrier_a, title=f"File {index}")
        activity_record(organization=carrier_a, actor=alice, verb="organization.updated")
    with CaptureQueriesContext(connection) as many:
        as_alice.get(f"/o/{carrier_a.code}/")
    assert len(many) == len(few)


def test_activity_labels_follow_the_reader_language(carrier_a, bob, as_alice, alice) -> None:
    """A role recorded by an English-speaking admin reads in French for a French reader."""
    from django.test import Client

    membership = Membership.objects.get(user=bob)
    as_alice.post(f"/o/{carrier_a.code}/team/{membership.pk}/role/", {"role": "viewer"})
    alice.language = "fr"
    alice.save()
    french = Client()
    french.force_login(alice)
    page = french.get(f"/o/{carrier_a.code}/activity/").content.decode()
    assert "Lecteur" in page and "Viewer" not in page


def test_switcher_shows_a_dozen_and_links_to_the_searchable_list(consultancy, carol) -> None:
    from django.test import Client

    for index in range(20):
        link_client(consultancy, OrganizationFactory(name=f"Fleet {index:02d}"), assign=[carol])
    client = Client()
    client.force_login(carol)
    page = client.get(f"/o/{consultancy.code}/").content.decode()
    assert "All 22 organizations…" in page
    assert page.count('role="menuitem" href="/o/') == 12
    listing = client.get("/organizations/?q=fleet 1").content.decode()
    rows = listing[listing.index("<tbody>") :]
    assert "Fleet 10" in rows and "Fleet 02" not in rows and "Consultant" in rows


def test_a_period_in_the_activity_feed_is_written_the_reader_way(carrier_a, alice) -> None:
    from django.utils import translation

    from borderpro.organizations.activity import activity_record, activity_text
    from borderpro.organizations.models import Activity

    activity_record(
        organization=carrier_a,
        actor=alice,
        verb="reviews.binder_built",
        period="2026-01-01 – 2026-12-31",
    )
    entry = Activity.objects.get(organization=carrier_a, verb="reviews.binder_built")
    with translation.override("en"):
        assert activity_text(entry).endswith("1 Jan 2026 – 31 Dec 2026")
    with translation.override("fr"):
        assert "1 jan. 2026 – 31 déc. 2026" in activity_text(entry)


def test_browsing_one_organization_does_not_rewrite_the_session(as_alice, carrier_a) -> None:
    """The organization last opened is remembered when it changes; reading pages of the same
    organization writes nothing (a write per page view serialized busy servers)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert as_alice.get(f"/o/{carrier_a.code}/").status_code == 200
    assert as_alice.session["last_org"] == carrier_a.code
    with CaptureQueriesContext(connection) as queries:
        assert as_alice.get(f"/o/{carrier_a.code}/evidence/").status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]
    assert not [sql for sql in writes if "django_session" in sql], writes


def test_the_switcher_shows_the_first_twelve_and_counts_all_with_the_same_queries(
    consultancy, carol, django_assert_max_num_queries
) -> None:
    """A consultant with many clients: the switcher lists the first 12 (consultancy first,
    then by name, accents and case folded as before) and says how many there are in all;
    the clients beyond the 12 are read as names only, in the same number of queries."""
    from borderpro.organizations.tenancy import organizations_head

    names = ["zeta", "Émile", "alpha", "Bravo", "écho", "delta", "Charlie", "golf", "Hotel"]
    for n, name in enumerate(names * 2):
        link_client(consultancy, OrganizationFactory(name=f"{name} {n:02d}"), assign=[carol])
    everything = organizations_for_user(carol)
    assert len(everything) == 20 and everything[0][0] == consultancy  # and carrier A
    with django_assert_max_num_queries(3):
        head, total = organizations_head(carol, 12)
    assert total == 20
    assert [(o.pk, role) for o, role in head] == [(o.pk, role) for o, role in everything[:12]]

    client = Client()
    client.force_login(carol)
    page = client.get(f"/o/{consultancy.code}/").content.decode()
    assert "All 20 organizations" in page
    assert page.count('role="menuitem" href="/o/') == 12
