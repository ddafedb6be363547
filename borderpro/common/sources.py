"""Source links in the reader's language.

Border Pro cites the agencies' pages as sources (program rules, catalogue requirements, the
threat library, deadlines). CBSA publishes every page twice, ``…-eng.html`` and
``…-fra.html``: a reader sees the page in their language. Other sources (CBP, the Federal
Register, third parties) exist in one language and are kept as they are; how sure a fact is
shows next to its link (``common/confidence.py``).

Use :func:`source_url` in Python, ``{{ url|source_url }}`` in templates (the ``ui`` library is
a builtin), so every page follows one rule.
"""

from __future__ import annotations

import re

from django.utils import translation

CBSA_PAGE = re.compile(r"^https?://(www\.)?cbsa-asfc\.gc\.ca/.*-(eng|fra)\.html(#.*)?$")


def source_url(url: str, lang: str | None = None) -> str:
    """The CBSA page in ``lang`` (default: the active language); other sources unchanged."""
    match = CBSA_PAGE.match(url or "")
    if not match:
        return url
    lang = lang or translation.get_language() or "en"
    want = "fra" if lang.startswith("fr") else "eng"
    have = match.group(2)
    if have == want:
        return url
    head, tail = url.rsplit(f"-{have}.html", 1)
    return f"{head}-{want}.html{tail}"
