"""The seal audit's table body built in Python: up to five times ``AUDIT_LIMIT`` rows, which the
template engine renders at about a quarter of a millisecond each (three labels, a link, an
escaped number, a text and a localized date per row), several times the page's budget. Built
here with one escape per value, as the training matrix is (decisions 0010 and 0017). The
template keeps the page, the header row and the empty state."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from borderpro.operations.selectors import Discrepancy


def discrepancy_rows_html(discrepancies: Iterable[Discrepancy], *, org_code: str) -> SafeString:
    """``<tr>`` rows as the template wrote them: the seal number linked to the seal log searched
    for it, what is wrong, and when (``DATETIME_FORMAT`` in the current time zone, or "—")."""
    seal_label, what_label, when_label = escape(_("Seal")), escape(_("What")), escape(_("When"))
    seals_url = escape(reverse("operations:seals", args=[org_code]))
    texts: dict[str, str] = {}
    parts: list[str] = []
    for d in discrepancies:
        text = texts.get(d.text)
        if text is None:
            text = texts[d.text] = escape(d.text)
        when = escape(date_format(localtime(d.when), "DATETIME_FORMAT")) if d.when else "—"
        parts.append(
            f'<tr><td data-label="{seal_label}" class="mono"><a href="{seals_url}?q='
            f'{escape(quote(d.seal_number, safe="/"))}">{escape(d.seal_number)}</a></td>'
            f'<td data-label="{what_label}">{text}</td>'
            f'<td data-label="{when_label}">{when}</td></tr>'
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
