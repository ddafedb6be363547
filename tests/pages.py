"""Every page a person opens (the GET HTML pages of the route matrix), built on the demo data.

Shared by the whole-product page checks: French leftovers and dates (test client) and
accessibility (axe-core in Chromium). Tenant routes come from ``tests.routes`` (so new pages
are checked without touching this file); each ``<thing>_id`` is a real object of the demo
organization, built by the owning app's ``sample_<thing>_id()``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import polib

from tests.routes import Route, all_routes, build_url

ROOT = Path(__file__).resolve().parent.parent
# Pages outside any organization that a signed-in person opens.
PERSONAL_PAGES = ["/", "/organizations/", "/organizations/new/", "/account/", "/account/tokens/"]
CONSULTANCY = "northbnd"
# demo carrier → its admin and its field staff
CARRIERS = {
    "laurentid": ("chantal@laurentides.example", "marc@laurentides.example"),
    "mapleleaf": ("alice@mapleleaf.example", "bob@mapleleaf.example"),
}
CONSULTANT = "dave@northbound.example"  # sees every client


@dataclass(frozen=True)
class Page:
    url: str
    who: str  # the persona's email


def demo_seed() -> None:
    """Load the catalogue and the demo data (the organizations and people of the README)."""
    from django.core.management import call_command

    call_command("load_catalogue", verbosity=0)
    call_command("seed_demo", verbosity=0)


def _demo_objects(organization: Any, routes: list[Route]) -> dict[tuple[str, Any], Any]:
    """The demo's own objects for the URLs' ``<thing>_id`` (their text is in the carrier's
    language); a sample is built only where the demo has none."""
    from django.apps import apps

    from borderpro.common.routing import OBJECT_KWARGS

    found: dict[tuple[str, Any], Any] = {}
    for kwarg in {k for r in routes for k in r.kwargs if k in OBJECT_KWARGS and k.endswith("_id")}:
        label, org_path = OBJECT_KWARGS[kwarg]
        model = apps.get_model(label)
        obj = model._default_manager.filter(**{org_path: organization}).order_by("pk").first()
        if obj is not None:
            found[(kwarg, organization.pk)] = obj
    return found


def _page_routes() -> list[Route]:
    return [
        r
        for r in all_routes()
        if r.is_tenant and not r.is_api and r.permission_for("GET") is not None
    ]


def demo_pages(carrier_code: str, *, consultancy_pages: bool = True) -> list[Page]:
    """Every GET page, each opened by a persona of ``carrier_code`` allowed to see it (and the
    consultancy's pages, by its consultant administrator)."""
    from borderpro.accounts.models import User
    from borderpro.common.permissions import has_perm
    from borderpro.organizations.models import Organization
    from borderpro.organizations.tenancy import resolve_access

    carrier_admin, field_staff = CARRIERS[carrier_code]
    carrier = Organization.objects.get(code=carrier_code)
    consultancy = Organization.objects.get(code=CONSULTANCY)
    routes = _page_routes()
    cache = _demo_objects(carrier, routes) | _demo_objects(consultancy, routes)
    pages = [Page(url, carrier_admin) for url in PERSONAL_PAGES]
    users = {email: User.objects.get(email=email) for email in (carrier_admin, field_staff)}
    for route in routes:
        permission = route.permission_for("GET")
        if "client" in route.org_kinds:
            url = build_url(route, carrier, cache)
            for email, user in users.items():
                if has_perm(resolve_access(user, carrier.code).role, str(permission)):
                    pages.append(Page(url, email))
                    break
        if consultancy_pages and "consultancy" in route.org_kinds:
            pages.append(Page(build_url(route, consultancy, cache), CONSULTANT))
    return pages


def is_html(response: Any) -> bool:
    return response.status_code == 200 and response.get("Content-Type", "").startswith("text/html")


# --- what a reader sees -----------------------------------------------------------------

SILENT = {"script", "style", "template", "noscript", "code", "pre"}
SPOKEN_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside an element whose text nobody reads
        self.user_data = 0  # inside an element marked as the user's own text
        self.chunks: list[str] = []
        self.silent = SILENT

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag in self.silent:
            self.depth += 1
        if self.user_data or "data-user-text" in names:
            self.user_data += 1
        if not self.depth and not self.user_data:
            for name in SPOKEN_ATTRIBUTES:
                if names.get(name):
                    self.chunks.append(str(names[name]))
            if tag == "input" and names.get("type") in ("submit", "button") and names.get("value"):
                self.chunks.append(str(names["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.silent and self.depth:
            self.depth -= 1
        if self.user_data:
            self.user_data -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth and not self.user_data:
            self.chunks.append(data)


def visible_text(html: str, *, charts: bool = True) -> str:
    """The text a reader sees or hears, whitespace folded; the user's own text is left out
    (elements marked ``data-user-text``), and chart labels when ``charts`` is false."""
    parser = _Visible()
    if not charts:
        parser.silent = SILENT | {"svg"}
    parser.feed(html)
    return " ".join(" ".join(parser.chunks).split())


# --- our French catalogues -------------------------------------------------------------

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{ ?\w+ ?\}\}|\{\w*\}")


def translated_phrases(min_words: int = 3) -> dict[str, str]:
    """English phrases of our catalogues (at least ``min_words`` words) that have a different
    French translation: the longest literal piece of each msgid, mapped to its msgid."""
    phrases: dict[str, str] = {}
    for path in sorted((ROOT / "borderpro").rglob("locale/fr/LC_MESSAGES/django.po")):
        for entry in polib.pofile(str(path)).translated_entries():
            french = entry.msgstr or next(iter(entry.msgstr_plural.values()), "")
            if not french or french == entry.msgid:
                continue
            for text in filter(None, (entry.msgid, entry.msgid_plural)):
                piece = max(PLACEHOLDER.split(text), key=len)
                piece = " ".join(piece.split()).strip(" .,:;·—-")
                if len(piece.split()) >= min_words and piece not in french:
                    phrases[piece] = entry.msgid
    return phrases


AMBIGUOUS_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")


def date_faults(text: str) -> list[str]:
    """Dates not written the language's one way: 12/04/2026 (ambiguous) or 2026-12-04."""
    return AMBIGUOUS_DATE.findall(text) + ISO_DATE.findall(text)


def pages_by_persona(pages: list[Page]) -> Iterator[tuple[str, list[str]]]:
    by_who: dict[str, list[str]] = {}
    for page in pages:
        by_who.setdefault(page.who, []).append(page.url)
    yield from by_who.items()


# --- a demo site for the browser checks -------------------------------------------------

SHOTS = Path("/work/wt/shots/h6")
DEMO_PASSWORD = "borderpro-demo"


def browser_page_as(browser: Any, base_url: str, email: str, viewport: dict[str, int]) -> Any:
    """A Chromium page signed in as ``email`` (a session made by the test client, handed over
    as its cookie: quicker than the sign-in form, and independent of the password hasher)."""
    from urllib.parse import urlparse

    from django.conf import settings
    from django.test import Client

    from borderpro.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    context = browser.new_context(viewport=viewport)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "domain": urlparse(base_url).hostname,
                "path": "/",
            }
        ]
    )
    return context.new_page()
