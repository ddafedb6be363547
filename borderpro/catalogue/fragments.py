"""Rendered catalogue fragments, kept in the process and keyed by the catalogue's state.

The catalogue's pages show shared data that changes only when framework files are loaded
(``catalogue_load``: the shipped files or a consultancy's upload) and when a consultancy
writes a guidance note. Rendering a 50-row list, a crosswalk matrix or an edition comparison
costs far more than the rest of the request, so a page keeps what it rendered and reuses it
while nothing it shows has changed:

- :func:`catalogue_state` reads, in one query, counts and latest load and edit times of the
  catalogue's tables and of the guidance notes the viewer sees. Any load, upload, note
  saved or deleted gives a new state, in every process, without a signal to forget;
- a key names everything else the fragment shows (the page, language and time zone, the
  organization and the viewer's role there, the consultancies whose additions it sees, the
  query string);
- fragments live in this process only (an LRU bounded in entries and characters): nothing to invalidate in a shared
  cache, no pickling, no other data evicted from the shared cache by big pages.

Anything that changes outside the catalogue (a person's name in a history line, the
CSRF token of a form) stays out of the fragments: the pages render those parts each time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from django.db import connection
from django.utils import timezone
from django.utils.translation import get_language

from borderpro.catalogue.models import Category, Framework, GuidanceNote, Mapping, Requirement

MAX_FRAGMENTS = 256
MAX_CHARS = 16_000_000  # all fragments of a process together (a list page is ~65,000)
MAX_FRAGMENT_CHARS = 400_000  # bigger ones (a "show all" list to print) are not kept

_lock = threading.Lock()
_fragments: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
_chars = 0


def _size(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(len(v) for v in value.values() if isinstance(v, str))
    return 0


def catalogue_state(consultancy_ids: tuple[Any, ...]) -> tuple[Any, ...]:
    """What the catalogue looks like now, for viewers who see these consultancies' notes.

    Every catalogue change goes through a load that saves its framework row (new
    ``loaded_at``) and stamps the requirements it changes (``updated_at``); rows added or
    removed change a count. Notes are stamped when saved and counted.
    """
    q = connection.ops.quote_name
    framework, requirement, category, mapping, note = (
        q(m._meta.db_table) for m in (Framework, Requirement, Category, Mapping, GuidanceNote)
    )
    # table names from the models, values as parameters
    parts = [
        f"(SELECT COUNT(*) FROM {framework})",  # noqa: S608
        f"(SELECT MAX(loaded_at) FROM {framework})",  # noqa: S608
        f"(SELECT COUNT(*) FROM {requirement})",  # noqa: S608
        f"(SELECT MAX(updated_at) FROM {requirement})",  # noqa: S608
        f"(SELECT COUNT(*) FROM {category})",  # noqa: S608
        f"(SELECT COUNT(*) FROM {mapping})",  # noqa: S608
    ]
    params: list[Any] = []
    if consultancy_ids:
        field = GuidanceNote._meta.get_field("organization").target_field
        ids = [field.get_db_prep_value(pk, connection) for pk in consultancy_ids]
        where = f"organization_id IN ({', '.join(['%s'] * len(ids))})"
        parts += [
            f"(SELECT COUNT(*) FROM {note} WHERE {where})",  # noqa: S608
            f"(SELECT MAX(updated_at) FROM {note} WHERE {where})",  # noqa: S608
        ]
        params = ids * 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return tuple(row)


def page_key(request: Any, vis: Any, name: str, *extra: Hashable) -> tuple[Hashable, ...]:
    """The key of a page's fragment: everything it shows besides the catalogue itself."""
    access = request.access
    org = access.organization
    return (
        name,
        catalogue_state(vis.consultancy_ids),
        get_language(),
        timezone.get_current_timezone_name(),
        org.pk,
        org.code,
        org.kind,
        access.role,
        access.via.pk if access.via is not None else None,
        vis.consultancy_ids,
        vis.note_owner.pk if vis.note_owner is not None else None,
        tuple(sorted((k, tuple(v)) for k, v in request.GET.lists())),
        *extra,
    )


def cached[T](key: Hashable, build: Callable[[], T]) -> T:
    """The fragment kept under ``key``, built (and kept, if not too big) when missing."""
    global _chars
    with _lock:
        if key in _fragments:
            _fragments.move_to_end(key)
            return _fragments[key][0]
    value = build()
    size = _size(value)
    if size > MAX_FRAGMENT_CHARS:
        return value
    with _lock:
        if key in _fragments:
            _chars -= _fragments.pop(key)[1]
        _fragments[key] = (value, size)
        _chars += size
        while len(_fragments) > MAX_FRAGMENTS or _chars > MAX_CHARS:
            _chars -= _fragments.popitem(last=False)[1][1]
    return value


def clear() -> None:
    global _chars
    with _lock:
        _fragments.clear()
        _chars = 0
