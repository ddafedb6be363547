import borderpro.common.migration_operations
import borderpro.organizations.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organizations', '0003_chain_organization_index'),
    ]

    operations = [
        borderpro.common.migration_operations.AlterModels(
            operations=[migrations.AddField(
                model_name='historicalorganization',
                name='logo',
                field=models.TextField(blank=True, help_text='PNG or JPEG, up to 512 KB: shown on the documents the company makes.', max_length=255, verbose_name='logo'),
            ), migrations.AddField(
                model_name='organization',
                name='logo',
                field=models.FileField(blank=True, help_text='PNG or JPEG, up to 512 KB: shown on the documents the company makes.', max_length=255, upload_to=borderpro.organizations.models.logo_path, verbose_name='logo'),
            )],
        ),
    ]
