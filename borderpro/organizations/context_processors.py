from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from borderpro.organizations.tenancy import organizations_head

SWITCHER_SIZE = 12  # base.html shows this many, then a link to all of them


def tenancy(request: HttpRequest) -> dict[str, Any]:
    """The current organization, the user's role there, and the switcher's list (lazily)."""
    access = getattr(request, "access", None)
    return {
        "org": getattr(request, "org", None),
        "access": access,
        "my_organizations": _Lazy(lambda: organizations_head(request.user, SWITCHER_SIZE)),
    }


class _Lazy:
    """The switcher's organizations, read when the page first shows them: the first
    ``SWITCHER_SIZE`` (iterating and slicing see only those) and, as its length, how many
    the user can open in all."""

    def __init__(self, load: Any) -> None:
        self._load = load
        self._value: tuple[list, int] | None = None

    def _get(self) -> tuple[list, int]:
        if self._value is None:
            self._value = self._load()
        return self._value

    def __iter__(self):
        return iter(self._get()[0])

    def __getitem__(self, index: Any) -> Any:
        return self._get()[0][index]

    def __len__(self) -> int:
        return self._get()[1]

    def __bool__(self) -> bool:
        return bool(self._get()[1])
