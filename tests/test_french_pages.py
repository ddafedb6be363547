"""#21.16 and #21.11: every page, rendered for the French demo users, shows no English phrase
that our catalogues translate; every page, in either language, writes dates one way.

The pages are the GET pages of the route matrix (tests/pages.py) on the demo data, each
opened by a persona allowed to see it. Phrases are the msgids of every catalogue with at
least three words (shorter ones — "Status", "PDF" — too often read the same in both
languages). The French check walks the French carrier (Transports Laurentides) and the
consultancy; an English carrier's own text (Maple Leaf's) rightly stays English.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.pages import (
    date_faults,
    demo_pages,
    demo_seed,
    is_html,
    pages_by_persona,
    translated_phrases,
    visible_text,
)

pytestmark = pytest.mark.django_db


def _visit(language: str, carrier: str) -> dict[str, str]:
    """ "who url" → page HTML, for every page of the demo ``carrier`` and the consultancy."""
    from borderpro.accounts.models import User

    demo_seed()
    User.objects.update(language=language)
    pages: dict[str, str] = {}
    for email, urls in pages_by_persona(demo_pages(carrier)):
        client = Client()
        client.force_login(User.objects.get(email=email))
        for url in urls:
            response = client.get(url)
            if is_html(response):
                pages[f"{email} {url}"] = response.content.decode()
    assert len(pages) > 40, "the crawl found too few pages"
    return pages


def _date_report(pages: dict[str, str]) -> str:
    # Chart axis labels are left to the chart's own work (issue #21.6).
    faults = {
        where: found
        for where, html in pages.items()
        if (found := date_faults(visible_text(html, charts=False)))
    }
    return "\n".join(f"  {where}: {found[:3]}" for where, found in sorted(faults.items()))


def test_french_pages_show_no_english_that_has_a_translation_and_dates_one_way() -> None:
    pages = _visit("fr", "laurentid")
    phrases = translated_phrases()
    leftovers: dict[str, set[str]] = {}
    for where, html in pages.items():
        text = visible_text(html)
        for phrase in phrases:
            if phrase in text:
                leftovers.setdefault(phrase, set()).add(where)
    report = "\n".join(
        f"  {phrase!r} on {len(where)} page(s), e.g. {sorted(where)[0]}"
        for phrase, where in sorted(leftovers.items())
    )
    assert not leftovers, f"English left on French pages:\n{report}"
    dates = _date_report(pages)
    assert not dates, f"dates written another way (fr):\n{dates}"


def test_english_pages_write_dates_one_unambiguous_way() -> None:
    dates = _date_report(_visit("en", "mapleleaf"))
    assert not dates, f"dates written another way (en):\n{dates}"


def test_the_sign_in_message_is_in_the_users_language(client: Any) -> None:
    """allauth's "Successfully signed in as …" in French for a French user, even when the
    browser that signs in has no language yet."""
    from borderpro.organizations.tests.factories import MembershipFactory

    user = MembershipFactory(role="admin", user__language="fr").user
    response = client.post(
        "/accounts/login/",
        {"login": user.email, "password": "correct horse battery staple"},
        follow=True,
    )
    text = visible_text(response.content.decode())
    assert "Successfully signed in" not in text
    assert "Connexion avec" in text


def test_the_accepted_types_help_is_translated_when_shown() -> None:
    from django.utils import translation

    from borderpro.evidence.forms import EvidenceUploadForm

    with translation.override("fr"):
        assert "Documents ou photos" in str(EvidenceUploadForm().fields["file"].help_text)


def test_the_integrity_page_names_records_without_identifiers(
    as_alice: Client, carrier_a: Any
) -> None:
    from borderpro.organizations.activity import activity_record

    activity_record(organization=carrier_a, actor=None, verb="organization.created")
    page = visible_text(as_alice.get(f"/o/{carrier_a.code}/integrity/").content.decode())
    assert "organizations.activity" not in page


def test_a_refused_program_is_named_in_french() -> None:
    import io

    from django.utils import translation

    from borderpro.evidence.sniffing import RefusedFile, sniff

    with translation.override("fr"), pytest.raises(RefusedFile) as refused:
        sniff(io.BytesIO(b"MZ" + b"\0" * 64), "tool.pdf")
    assert "un programme Windows" in str(refused.value)
