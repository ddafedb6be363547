"""Photos and drawn signatures that devices uploaded before evidence files had an origin are
field attachments (every such upload has a receipt)."""

from django.db import migrations


def mark_field_attachments(apps, schema_editor):
    EvidenceFile = apps.get_model("evidence", "EvidenceFile")
    UploadReceipt = apps.get_model("operations", "UploadReceipt")
    uploaded = UploadReceipt.objects.values("evidence_id")
    EvidenceFile.objects.filter(pk__in=uploaded).update(origin="field")


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0003_chain_organization_index"),
        ("evidence", "0002_h5_evidence_origin"),
    ]

    operations = [migrations.RunPython(mark_field_attachments, migrations.RunPython.noop)]
