"""CreateModels and AlterModels (decision 0018): the same migration state as their operations
applied one by one, with the rendered models up to date; only valid groups are accepted."""

from __future__ import annotations

import pytest
from django.db import migrations, models
from django.db.migrations.state import ProjectState

from borderpro.common.migration_operations import AlterModels, CreateModels


def _creates() -> list[migrations.CreateModel]:
    return [
        migrations.CreateModel(
            "Parent", [("id", models.AutoField(primary_key=True)), ("name", models.TextField())]
        ),
        migrations.CreateModel(
            "Child",
            [
                ("id", models.AutoField(primary_key=True)),
                ("parent", models.ForeignKey("demo_ops.parent", on_delete=models.CASCADE)),
            ],
            options={"indexes": [models.Index(fields=["parent"], name="child_parent_idx")]},
        ),
    ]


def _alters() -> list:
    return [
        migrations.AddField("parent", "code", models.CharField(max_length=5, default="")),
        migrations.AddConstraint(
            "child", models.UniqueConstraint(fields=["parent"], name="child_parent_once")
        ),
    ]


def _render(state: ProjectState) -> ProjectState:
    state.apps  # noqa: B018  (render: the migrate command works on a rendered state)
    return state


def test_grouped_operations_give_the_state_of_the_operations_one_by_one() -> None:
    one_by_one = _render(ProjectState())
    for operation in [*_creates(), *_alters()]:
        operation.state_forwards("demo_ops", one_by_one)
    grouped = _render(ProjectState())
    CreateModels(_creates()).state_forwards("demo_ops", grouped)
    AlterModels(_alters()).state_forwards("demo_ops", grouped)

    assert grouped.models == one_by_one.models
    child = grouped.apps.get_model("demo_ops", "Child")
    parent = grouped.apps.get_model("demo_ops", "Parent")
    assert child._meta.get_field("parent").related_model is parent
    assert [f.name for f in parent._meta.fields] == ["id", "name", "code"]
    assert [c.name for c in child._meta.constraints] == ["child_parent_once"]


def test_only_valid_groups_are_accepted() -> None:
    with pytest.raises(TypeError):
        CreateModels([migrations.DeleteModel("parent")])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        AlterModels(
            [
                migrations.AddField("parent", "a", models.TextField(default="")),
                migrations.AddField("parent", "b", models.TextField(default="")),
            ]
        )
