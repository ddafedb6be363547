"""The one exception of the vault's checks."""

from __future__ import annotations


class RefusedFile(Exception):
    """The file is not accepted; the message says why in words a person understands."""
