"""Sign-in, language preference, two-factor authentication and personal API tokens."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from borderpro.accounts.models import ApiToken, hash_token

pytestmark = pytest.mark.django_db


def test_sign_in_with_email_and_password(alice, carrier_a) -> None:
    client = Client()
    response = client.post(
        "/accounts/login/", {"login": alice.email, "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert client.get("/", follow=True).request["PATH_INFO"] == f"/o/{carrier_a.code}/"


def test_wrong_password_says_so_and_repeated_failures_are_rate_limited(alice, settings) -> None:
    client = Client()
    response = client.post("/accounts/login/", {"login": alice.email, "password": "wrong"})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    for _ in range(6):
        response = client.post("/accounts/login/", {"login": alice.email, "password": "wrong"})
    assert response.status_code == 429 or "Too many" in response.content.decode()


def test_language_switch_is_remembered_for_the_user(as_alice, alice, carrier_a) -> None:
    response = as_alice.post(
        "/account/language/", {"language": "fr", "next": f"/o/{carrier_a.code}/"}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.language == "fr"
    fresh = Client()
    fresh.force_login(alice)
    page = fresh.get(f"/o/{carrier_a.code}/").content.decode()
    assert 'lang="fr"' in page and "Activité récente" in page


def test_language_switch_refuses_foreign_redirects(as_alice) -> None:
    response = as_alice.post(
        "/account/language/", {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_organization_requiring_mfa_sends_members_to_set_it_up(as_alice, carrier_a) -> None:
    carrier_a.require_mfa = True
    carrier_a.save()
    response = as_alice.get(f"/o/{carrier_a.code}/")
    assert response.status_code == 302 and "/2fa/totp/activate" in response["Location"]


def test_consultancy_mfa_rule_also_covers_its_clients(
    as_carol, consultancy, carrier_a, carol
) -> None:
    consultancy.require_mfa = True
    consultancy.save()
    assert as_carol.get(f"/o/{carrier_a.code}/").status_code == 302
    Authenticator.objects.create(user=carol, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert as_carol.get(f"/o/{carrier_a.code}/").status_code == 200


def test_new_consultancies_require_mfa_by_default(as_alice) -> None:
    from borderpro.organizations.models import Organization

    as_alice.post(
        "/organizations/new/",
        {
            "name": "New Consulting",
            "kind": "consultancy",
            "country": "CA",
            "time_zone": "America/Toronto",
            "language": "en",
        },
    )
    assert Organization.objects.get(name="New Consulting").require_mfa is True


def test_totp_setup_then_sign_in_asks_for_the_code(alice) -> None:
    from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time

    client = Client()
    client.force_login(alice)
    assert (
        client.get("/accounts/2fa/totp/activate/").status_code == 302
    )  # confirm the password first
    client.post("/accounts/reauthenticate/", {"password": "correct horse battery staple"})
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = page.context["form"].secret
    code = f"{hotp_value(secret, next(yield_hotp_counters_from_time()))}".zfill(6)
    response = client.post("/accounts/2fa/totp/activate/", {"code": code})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=alice, type="totp").exists()
    fresh = Client()
    response = fresh.post(
        "/accounts/login/", {"login": alice.email, "password": "correct horse battery staple"}
    )
    assert response.status_code == 302 and "/2fa/authenticate" in response["Location"]


def test_api_token_is_shown_once_and_stored_hashed(as_alice, alice, carrier_a) -> None:
    response = as_alice.post(
        "/account/tokens/", {"name": "Telematics", "organization": carrier_a.code}
    )
    raw = response.context["new_token"]
    assert raw.startswith("bp_") and raw in response.content.decode()
    token = ApiToken.objects.get(user=alice)
    assert token.token_hash == hash_token(raw) and not token.read_only
    again = as_alice.get("/account/tokens/").content.decode()
    assert raw not in again and token.prefix in again


def test_token_form_names_the_missing_field(as_alice) -> None:
    response = as_alice.post("/account/tokens/", {"name": "", "organization": "nope"})
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"name", "organization"}
    assert not ApiToken.objects.exists()


def test_revoked_token_stops_working(as_alice, alice, carrier_a) -> None:
    as_alice.post("/account/tokens/", {"name": "x", "organization": carrier_a.code})
    token = ApiToken.objects.get()
    as_alice.post(f"/account/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_someone_elses_token_cannot_be_revoked(as_charlie, alice, carrier_a) -> None:
    from borderpro.accounts.services import api_token_create

    token, _raw = api_token_create(user=alice, organization=carrier_a, name="mine", read_only=False)
    assert as_charlie.post(f"/account/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_password_reset_sends_a_link_that_sets_a_new_password(alice) -> None:
    from django.core import mail

    client = Client()
    response = client.post("/accounts/password/reset/", {"email": alice.email})
    assert response.status_code == 302
    [message] = mail.outbox
    link = next(word for word in message.body.split() if "/accounts/password/reset/key/" in word)
    path = link[link.index("/accounts/") :]
    form_page = client.get(path, follow=True)
    action = form_page.request["PATH_INFO"]
    done = client.post(
        action, {"password1": "a new long passphrase 42", "password2": "a new long passphrase 42"}
    )
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a new long passphrase 42")


def test_sign_up_requires_a_verified_email(settings) -> None:
    from allauth.account.models import EmailAddress
    from django.core import mail

    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    client = Client()
    response = client.post(
        "/accounts/signup/",
        {
            "email": "dana@example.com",
            "password1": "a long enough passphrase",
            "password2": "a long enough passphrase",
        },
    )
    assert response.status_code == 302 and "confirm-email" in response["Location"]
    assert not EmailAddress.objects.get(email="dana@example.com").verified
    assert "confirm" in mail.outbox[0].subject.lower() or "confirm" in mail.outbox[0].body.lower()
    assert client.get("/organizations/").status_code == 302  # not signed in until verified
