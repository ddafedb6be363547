import borderpro.common.migration_operations
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('training', '0002_shipped_courses'),
    ]

    operations = [
        borderpro.common.migration_operations.AlterModels(
            operations=[migrations.AddField(
                model_name='historicalregistration',
                name='consent_at',
                field=models.DateTimeField(blank=True, null=True, verbose_name='consent given'),
            ), migrations.AddField(
                model_name='registration',
                name='consent_at',
                field=models.DateTimeField(blank=True, null=True, verbose_name='consent given'),
            )],
        ),
        borderpro.common.migration_operations.AlterModels(
            operations=[migrations.AddField(
                model_name='historicalregistration',
                name='consent_text',
                field=models.TextField(blank=True, verbose_name='consent wording'),
            ), migrations.AddField(
                model_name='registration',
                name='consent_text',
                field=models.TextField(blank=True, verbose_name='consent wording'),
            )],
        ),
    ]
