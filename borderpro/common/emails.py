"""Email: one template triplet per message (``<name>_subject.txt``, ``.txt``, ``.html``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_email(
    name: str,
    *,
    to: list[str],
    context: dict[str, Any],
    language: str = "en",
    attachments: list[tuple[str, bytes, str]] | None = None,
) -> None:
    """Send the triplet ``name`` in ``language``; ``attachments`` are (file name, bytes,
    MIME type), e.g. a calendar invitation."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"{name}_subject.txt", context).strip().replace("\n", " ")
        text = render_to_string(f"{name}.txt", context)
        html = render_to_string(f"{name}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=to)
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or ():
        message.attach(filename, content, mimetype)
    message.send()
