"""No back edges: the base knows no module, shared data knows no consumer, and a module
uses only the modules it builds on, and no app imports another app's demo data (DESIGN.md
§2, "Registries: how a module plugs in").

Every ``import`` of every module under ``borderpro/`` is read with ``ast`` (imports inside
functions too). Allowed without question: imports under ``if TYPE_CHECKING:``, an app's own
``tests/`` and ``migrations/``, and the composition roots that mount every app (settings and
the URL roots). A new app must be placed in a layer below before its first import is allowed.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "borderpro"

# The layers, lowest first. An app may import its own layer's apps (base and shared) or any
# lower layer; a module may import the base, shared data and the modules listed for it.
BASE = {"common", "accounts", "organizations", "api", "ops"}
SHARED = {"catalogue", "evidence"}
MODULES: dict[str, set[str]] = {
    "people": {"deadlines"},
    "profiles": set(),
    "deadlines": set(),
    "programs": {"people", "profiles", "deadlines"},
    "operations": {"deadlines"},
    "field": {"operations", "deadlines"},  # the phone app for field staff, if it leaves operations
    # the modules still to come: each gets the modules it builds on when it lands
    "risk": {"profiles", "operations", "deadlines", "partners"},
    "policies": {"deadlines", "people", "profiles"},
    "reviews": {"deadlines", "profiles"},  # readiness and responses of the security profile
    "training": {"people", "deadlines"},
    "partners": {"deadlines", "profiles", "operations"},
    "consulting": {"programs", "profiles", "deadlines"},
}
# Files that mount every app by design.
COMPOSITION_ROOTS = {"settings.py", "urls.py", "asgi.py", "wsgi.py", "api/urls.py"}
SKIPPED_DIRS = {"tests", "migrations", "locale", "templates", "static", "__pycache__"}


def layer_of(app: str) -> str:
    if app in BASE:
        return "base"
    if app in SHARED:
        return "shared"
    if app in MODULES:
        return "module"
    raise AssertionError(
        f"borderpro/{app}/ is in no layer: add it to BASE, SHARED or MODULES in {__file__}"
    )


def allowed(source: str, target: str) -> bool:
    if source == target:
        return True
    layers = {"base": 0, "shared": 1, "module": 2}
    src, dst = layer_of(source), layer_of(target)
    if src != "module":
        return layers[dst] <= layers[src]
    return dst != "module" or target in MODULES[source]


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of the import nodes inside ``if TYPE_CHECKING:`` blocks."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            name = test.id if isinstance(test, ast.Name) else getattr(test, "attr", "")
            if name == "TYPE_CHECKING":
                for inner in node.body:
                    skipped.update(id(n) for n in ast.walk(inner))
    return skipped


def imported_modules(source: str, module: str) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of each import of ``source``, relative ones resolved."""
    tree = ast.parse(source)
    skipped = _type_checking_nodes(tree)
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            yield node.lineno, name


def back_edges(path: Path) -> list[str]:
    relative = path.relative_to(PACKAGE)
    if len(relative.parts) < 2 or relative.as_posix() in COMPOSITION_ROOTS:
        return []
    source_app = relative.parts[0]
    module = "borderpro." + ".".join(relative.with_suffix("").parts)
    if relative.name == "__init__.py":
        module += ".__init__"
    found = []
    for line, name in imported_modules(path.read_text(encoding="utf-8"), module):
        parts = name.split(".")
        if parts[0] != "borderpro" or len(parts) < 2 or not (PACKAGE / parts[1]).is_dir():
            continue
        if parts[1] not in (source_app, "common") and parts[2:3] == ["demo"]:
            found.append(f"borderpro/{relative}:{line} imports {name} (another app's demo)")
        elif not allowed(source_app, parts[1]):
            found.append(
                f"borderpro/{relative}:{line} imports {name} "
                f"({layer_of(source_app)} {source_app} → {layer_of(parts[1])} {parts[1]})"
            )
    return found


def source_files() -> list[Path]:
    return sorted(
        p
        for p in PACKAGE.rglob("*.py")
        if not SKIPPED_DIRS.intersection(p.parts[len(PACKAGE.parts) :])
    )


def test_every_app_is_in_a_layer() -> None:
    apps = {p.name for p in PACKAGE.iterdir() if (p / "apps.py").exists()}
    assert apps, "no apps found"
    for app in sorted(apps):
        layer_of(app)


def test_no_import_runs_back_up_the_layers() -> None:
    edges = [edge for path in source_files() for edge in back_edges(path)]
    assert not edges, "back edges:\n" + "\n".join(edges)


@pytest.mark.parametrize(
    ("app", "code", "expected"),
    [
        ("common", "from borderpro.people.models import Employee", 1),
        ("organizations", "def f():\n    from borderpro.programs import demo", 1),
        ("catalogue", "import borderpro.profiles.selectors.workspace", 1),
        ("evidence", "from borderpro.deadlines.registry import register_kind", 1),
        ("operations", "from borderpro.programs.models import Membership", 1),
        ("deadlines", "from borderpro.operations.models import Incident", 1),
        (
            "common",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from borderpro.people import models",
            0,
        ),
        ("programs", "from borderpro.people.selectors import driver_cards", 0),
        (
            "operations",
            "from borderpro.deadlines.registry import Deadline\nfrom borderpro.evidence import services",
            0,
        ),
        ("catalogue", "from borderpro.organizations.tenancy import org_view", 0),
        ("profiles", "from . import selectors\nfrom ..catalogue import models", 0),
        ("common", "from ..people import models", 1),
        ("programs", "from borderpro.people.demo import STAFF", 1),
    ],
)
def test_the_walk_finds_a_back_edge(
    tmp_path: Path, app: str, code: str, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checker itself: a planted import is caught (or allowed) as the layers say."""
    fake = tmp_path / "borderpro"
    for name in [*BASE, *SHARED, *MODULES]:
        (fake / name).mkdir(parents=True, exist_ok=True)
    path = fake / app / "planted.py"
    path.write_text(code, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert len(back_edges(path)) == expected, back_edges(path)
