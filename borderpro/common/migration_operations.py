"""Migration operations of our own (see docs/decisions/0018-fast-fresh-install.md).

``CreateModels`` creates the tables of several new models of one migration at once. The
database work is exactly that of the ``CreateModel`` operations it holds, one after the other
(each with its fields, indexes and constraints, as ``makemigrations`` would write them after
folding); only the migration state is updated once for the whole group. Django re-renders, for
every operation that changes a model, all the models related to it: our models all point at
the organization and the user, so each operation re-rendered about half of the project, and a
fresh ``migrate`` spent most of its time there.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations
from django.db.migrations.utils import field_is_referenced


class _Group(migrations.operations.base.Operation):
    """Operations applied one after the other, whose migration state is re-rendered once."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, operations: list[Any]) -> None:
        self.operations = operations
        super().__init__()

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (self.__class__.__qualname__, [], {"operations": self.operations})

    def _state_forwards_unrendered(self, app_label: str, state: Any) -> bool:
        """Each operation's state change without re-rendering; True if the state had been
        rendered (the subclass then reloads what the group changed, once)."""
        rendered = state.__dict__.pop("apps", None)
        try:
            for operation in self.operations:
                operation.state_forwards(app_label, state)
        finally:
            if rendered is not None:
                state.__dict__["apps"] = rendered
        return rendered is not None

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        for operation in self.operations:
            operation.database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        for operation in reversed(self.operations):
            operation.database_backwards(app_label, schema_editor, from_state, to_state)

    def references_model(self, name: str, app_label: str) -> bool:
        return any(op.references_model(name, app_label) for op in self.operations)


class CreateModels(_Group):
    """Several ``CreateModel`` operations applied with one state reload."""

    def __init__(self, operations: list[migrations.CreateModel]) -> None:
        for operation in operations:
            if not isinstance(operation, migrations.CreateModel):
                raise TypeError(f"CreateModels holds CreateModel operations only: {operation!r}")
        super().__init__(operations)

    def state_forwards(self, app_label: str, state: Any) -> None:
        self._state_forwards_unrendered(app_label, state)  # no re-rendering per model...
        # ... but once for all of them, with the related models of each
        state.reload_models(
            [(app_label, operation.name_lower) for operation in self.operations], delay=True
        )

    def describe(self) -> str:
        return "Create models " + ", ".join(op.name for op in self.operations)

    @property
    def migration_name_fragment(self) -> str:
        return "_".join(op.name_lower for op in self.operations)[:40]


_ONE_MODEL_OPERATIONS = (
    migrations.AddField,
    migrations.AlterField,
    migrations.AddIndex,
    migrations.RemoveIndex,
    migrations.AddConstraint,
    migrations.RemoveConstraint,
)


class AlterModels(_Group):
    """Field, index and constraint operations on distinct models, with one state reload.

    Each operation changes another model, so each one's database work sees, in the states
    before and after the group, its model exactly as it was before and after that operation:
    the database work is that of the operations one after the other."""

    def __init__(self, operations: list[Any]) -> None:
        names = [getattr(operation, "model_name_lower", None) for operation in operations]
        if not all(isinstance(op, _ONE_MODEL_OPERATIONS) for op in operations) or len(
            set(names)
        ) != len(names):
            raise TypeError(
                "AlterModels holds field, index or constraint operations on distinct models"
            )
        super().__init__(operations)

    def state_forwards(self, app_label: str, state: Any) -> None:
        if not self._state_forwards_unrendered(app_label, state):
            return
        # One reload of what each operation would have reloaded (ProjectState.add_field,
        # alter_field, _append_option and _remove_option: the same models, the same delay).
        related: set[tuple[str, str]] = set()
        for operation in self.operations:
            model = operation.model_name_lower
            related |= state._find_reload_model(
                app_label, model, self._delay(app_label, state, operation)
            )
        state._reload(related)

    @staticmethod
    def _delay(app_label: str, state: Any, operation: Any) -> bool:
        if isinstance(operation, migrations.AddField):
            return not operation.field.is_relation
        if isinstance(operation, migrations.AlterField):
            return not operation.field.is_relation and not field_is_referenced(
                state, (app_label, operation.model_name_lower), (operation.name, operation.field)
            )
        return True  # indexes and constraints

    def describe(self) -> str:
        return "; ".join(op.describe() for op in self.operations)

    @property
    def migration_name_fragment(self) -> str:
        return "_".join(op.migration_name_fragment for op in self.operations)[:40]
