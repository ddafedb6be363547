"""Load the courses shipped in training/data/courses.yaml (re-run safely: matched by code)."""

from typing import Any

from django.db import migrations


def load(apps: Any, schema_editor: Any) -> None:
    from borderpro.training.courses import sync_courses

    sync_courses(apps.get_model("training", "Course"))


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
