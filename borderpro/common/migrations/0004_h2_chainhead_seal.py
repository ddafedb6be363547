"""Chain heads carry a keyed seal (decision 0005); heads that exist are sealed as they are."""

from typing import Any

from django.db import migrations, models


def seal_existing_heads(apps: Any, schema_editor: Any) -> None:
    from borderpro.common.seals import head_seal

    ChainHead = apps.get_model("common", "ChainHead")
    for head in ChainHead.objects.using(schema_editor.connection.alias).iterator():
        head.seal = head_seal(head.organization_id, head.chain, head.seq, head.last_hash)
        head.save(update_fields=["seal"])


class Migration(migrations.Migration):
    dependencies = [
        ("common", "0003_chainhead_prev_hash"),
    ]

    operations = [
        migrations.AddField(
            model_name="chainhead",
            name="seal",
            field=models.CharField(blank=True, default="", max_length=64),
        ),
        migrations.RunPython(seal_existing_heads, migrations.RunPython.noop),
    ]
