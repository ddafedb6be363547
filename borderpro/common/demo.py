"""Demo data by registration: each app adds its own demo seeder, one command runs them all.

An app registers in its ``AppConfig.ready()``::

    register_seeder("people", "borderpro.people.demo.seed", after=("organizations",))

A seeder is ``seed(orgs, users)``: the demo organizations by code and the demo users by
email, both filled by the ``organizations`` seeder that runs first. A seeder is idempotent
(what already exists is left as it is) and imports nothing of another app's demo: what it
needs from another app's demo it names in ``after``. A seeder that works from everything
the others made (the reminders of every deadline kind) registers with ``last=True`` and runs
after all seeders that are not ``last``.

``manage.py seed_demo`` runs every seeder once, dependencies first (registration order
among equals), in one transaction. The sign-in page lists the demo logins registered with
:func:`register_demo_logins`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

SeedFunction = Callable[[dict[str, Any], dict[str, Any]], None]


class DemoOrderError(ImproperlyConfigured):
    """The seeders cannot be ordered: a dependency is unknown or they depend on each other."""


@dataclass(frozen=True)
class Seeder:
    name: str
    path: str
    after: tuple[str, ...] = ()
    last: bool = False

    def run(self, orgs: dict[str, Any], users: dict[str, Any]) -> None:
        seed: SeedFunction = import_string(self.path)
        seed(orgs, users)


@dataclass
class DemoLogins:
    password: str = ""
    users: list[tuple[str, str]] = field(default_factory=list)


_SEEDERS: dict[str, Seeder] = {}
_LOGINS = DemoLogins()


def register_seeder(name: str, path: str, *, after: Iterable[str] = (), last: bool = False) -> None:
    """Add (or replace) the seeder ``name``: ``path`` is the dotted path of ``seed(orgs, users)``;
    ``last`` runs it after every seeder that is not itself ``last``."""
    _SEEDERS[name] = Seeder(name, path, tuple(after), last)


def register_demo_logins(*, password: str, users: Sequence[tuple[str, str]]) -> None:
    """The demo sign-ins the sign-in page lists on a development server: (email, who)."""
    _LOGINS.password = password
    _LOGINS.users = list(users)


def demo_logins() -> DemoLogins:
    return _LOGINS


def seeders() -> dict[str, Seeder]:
    return dict(_SEEDERS)


def in_order(registered: dict[str, Seeder] | None = None) -> list[Seeder]:
    """The seeders, each after what it depends on; among equals, in registration order."""
    pending = dict(_SEEDERS if registered is None else registered)
    for seeder in pending.values():
        unknown = [name for name in seeder.after if name not in pending]
        if unknown:
            raise DemoOrderError(
                f"demo seeder {seeder.name!r} runs after {', '.join(map(repr, unknown))}, "
                "which no app registers"
            )
    early = {name for name, seeder in pending.items() if not seeder.last}

    def needs(seeder: Seeder) -> set[str]:
        return set(seeder.after) | (early if seeder.last else set())

    done: list[Seeder] = []
    names: set[str] = set()
    while pending:
        ready = next((s for s in pending.values() if names.issuperset(needs(s))), None)
        if ready is None:
            raise DemoOrderError(
                "demo seeders depend on each other in a cycle: " + ", ".join(sorted(pending))
            )
        done.append(pending.pop(ready.name))
        names.add(ready.name)
    return done


def seed_all(registered: dict[str, Seeder] | None = None) -> list[str]:
    """Run every seeder in order, in one transaction; the names of the seeders run."""
    from django.db import transaction
    from django_scopes import scopes_disabled

    order = in_order(registered)
    orgs: dict[str, Any] = {}
    users: dict[str, Any] = {}
    with scopes_disabled(), transaction.atomic():
        for seeder in order:
            seeder.run(orgs, users)
    return [s.name for s in order]
