"""Model instances from hand-written SQL, for the few hot paths where compiling an ORM query
costs more than running it (API token authentication, device submissions).

Building a queryset's SQL takes the ORM 0.3 to 1 ms per query (a join of three wide tables: about
1 ms), more than the database needs to answer it. On a path taken hundreds of times a second
the statement is written once instead, its columns still taken from the models, and each row
is turned back into instances with :meth:`Model.from_db` after the same value converters the
ORM applies (so UUIDs, booleans, dates and JSON read the same on SQLite and PostgreSQL).

Tenancy: these statements bypass django-scopes, so each one names its organization itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from django.db import connection, transaction
from django.db.models import Model

type Converter = Callable[[Any, Any, Any], Any]


class Columns:
    """The concrete columns of ``model`` under a table alias, and how to read them back."""

    def __init__(self, model: type[Model], alias: str) -> None:
        self.model = model
        self.alias = alias
        fields = list(model._meta.concrete_fields)
        qn = connection.ops.quote_name
        self.attnames = [f.attname for f in fields]
        self.width = len(fields)
        self.sql = ", ".join(f"{alias}.{qn(str(f.column))}" for f in fields)
        self.table = f"{qn(model._meta.db_table)} {alias}"
        self._converters: list[tuple[int, list[Converter], Any]] = []
        for i, field in enumerate(fields):
            col = field.get_col(alias)
            found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            if found:
                self._converters.append((i, found, col))

    def column(self, name: str) -> str:
        """``alias."column"`` of a field, for the WHERE clause."""
        field: Any = self.model._meta.get_field(name)
        return f"{self.alias}.{connection.ops.quote_name(field.column)}"

    def prep(self, name: str, value: Any) -> Any:
        """A value as the database expects it for this field (e.g. a UUID as hex on SQLite)."""
        field: Any = self.model._meta.get_field(name)
        target = field.target_field if field.is_relation else field
        return target.get_db_prep_value(value, connection)

    def load(self, row: Sequence[Any], start: int = 0) -> Any:
        """The instance stored in ``row[start:start + width]``."""
        values = list(row[start : start + self.width])
        for i, converters, col in self._converters:
            value = values[i]
            for convert in converters:
                value = convert(value, col, connection)
            values[i] = value
        return self.model.from_db(connection.alias, self.attnames, values)


@cache
def columns(model: type[Model], alias: str) -> Columns:
    return Columns(model, alias)


@cache
def _insert_sql(model: type[Model]) -> tuple[str, list[Any]]:
    fields = list(model._meta.concrete_fields)
    qn = connection.ops.quote_name
    names = ", ".join(qn(str(f.column)) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    return f"INSERT INTO {qn(model._meta.db_table)} ({names}) VALUES ({marks})", fields  # noqa: S608


def insert(
    instance: Model,
    *,
    unless_stored: Sequence[str] = (),
    then: tuple[str, list[Any]] | None = None,
) -> bool:
    """Store a new instance with one ``INSERT`` of every column, each value prepared exactly as
    :meth:`Model.save` prepares it (``pre_save`` for new rows, then ``get_db_prep_save``).

    ``unless_stored`` names the fields of a unique constraint: when a row with the same values
    exists, nothing is stored and ``False`` is returned, without a database error (a device
    that sends a record again is not a failure, and is not logged as one).

    ``then`` is one more statement (SQL, parameters) run right after, only if the row was
    stored, in the same transaction.

    Unlike ``save()`` it sends no ``pre_save``/``post_save`` signal: only for append-only
    records, which no receiver watches (:func:`borderpro.common.chain.chain_append`).
    """
    model = type(instance)
    sql, fields = _insert_sql(model)
    if unless_stored:
        qn = connection.ops.quote_name
        unique: list[Any] = [model._meta.get_field(f) for f in unless_stored]
        target = ", ".join(qn(f.column) for f in unique)
        sql = f"{sql} ON CONFLICT ({target}) DO NOTHING"
    values = [f.get_db_prep_save(f.pre_save(instance, True), connection) for f in fields]
    with transaction.atomic(savepoint=False), connection.cursor() as c:
        c.execute(sql, values)
        stored = c.rowcount > 0
        if stored and then is not None:
            c.execute(*then)
    if stored:
        instance._state.adding = False
        instance._state.db = connection.alias
    return stored


def select(model: type[Model], **conditions: Any) -> list[Any]:
    """Instances of ``model`` whose fields equal the given values (a list: one of them), in one
    query without ORM compile: ``select(Unit, organization=org.pk, id=[a, b])``."""
    cols = columns(model, "t")
    clauses: list[str] = []
    params: list[Any] = []
    for name, value in conditions.items():
        if isinstance(value, list | tuple | set):
            values = list(value)
            if not values:
                return []
            clauses.append(f"{cols.column(name)} IN ({', '.join(['%s'] * len(values))})")
            params.extend(cols.prep(name, v) for v in values)
        else:
            clauses.append(f"{cols.column(name)} = %s")
            params.append(cols.prep(name, value))
    where = " AND ".join(clauses) or "1 = 1"
    with connection.cursor() as c:
        # Identifiers come from the model, every value is a parameter.
        c.execute(f"SELECT {cols.sql} FROM {cols.table} WHERE {where}", params)  # noqa: S608
        return [cols.load(row) for row in c.fetchall()]
