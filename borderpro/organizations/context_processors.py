from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from borderpro.organizations.tenancy import organizations_for_user


def tenancy(request: HttpRequest) -> dict[str, Any]:
    """The current organization, the user's role there, and the switcher's list (lazily)."""
    access = getattr(request, "access", None)
    return {
        "org": getattr(request, "org", None),
        "access": access,
        "my_organizations": _Lazy(lambda: organizations_for_user(request.user)),
    }


class _Lazy:
    def __init__(self, load: Any) -> None:
        self._load = load
        self._value: list | None = None

    def _get(self) -> list:
        if self._value is None:
            self._value = self._load()
        return self._value

    def __iter__(self):
        return iter(self._get())

    def __getitem__(self, index: Any) -> Any:
        return self._get()[index]

    def __len__(self) -> int:
        return len(self._get())

    def __bool__(self) -> bool:
        return bool(self._get())
