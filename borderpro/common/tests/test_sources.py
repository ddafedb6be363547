"""Source links follow the reader's language on every page (issue #21, point 9)."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from borderpro.common.sources import source_url

CBSA = "https://www.cbsa-asfc.gc.ca/services/security-securite/pip-pep/menu-eng.html"


def test_a_cbsa_page_follows_the_language_and_other_sources_stay() -> None:
    assert source_url(CBSA, "fr").endswith("/menu-fra.html")
    assert source_url(source_url(CBSA, "fr"), "en") == CBSA
    assert source_url(CBSA + "#s2", "fr").endswith("menu-fra.html#s2")
    cbp = "https://www.cbp.gov/border-security/ports-entry/cargo-security/ctpat"
    assert source_url(cbp, "fr") == cbp
    assert source_url("", "fr") == ""
    with translation.override("fr"):
        assert source_url(CBSA).endswith("-fra.html")


@pytest.mark.parametrize(("language", "suffix"), [("en", "-eng.html"), ("fr", "-fra.html")])
def test_the_template_filter_is_available_on_every_page(language: str, suffix: str) -> None:
    with translation.override(language):
        html = Template('<a href="{{ url|source_url }}">x</a>').render(Context({"url": CBSA}))
    assert f'menu{suffix}"' in html
