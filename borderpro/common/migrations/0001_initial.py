import borderpro.common.ids
import borderpro.common.migration_operations
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('organizations', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        borderpro.common.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='ChainHead',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('chain', models.CharField(max_length=100)),
                    ('seq', models.PositiveBigIntegerField(default=0)),
                    ('last_hash', models.CharField(default='0000000000000000000000000000000000000000000000000000000000000000', max_length=64)),
                    ('last_verified_at', models.DateTimeField(blank=True, null=True)),
                    ('last_verified_ok', models.BooleanField(null=True)),
                    ('last_verified_count', models.PositiveBigIntegerField(default=0)),
                    ('last_verified_problem', models.TextField(blank=True)),
                    ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organizations.organization')),
                ],
                options={
                    'constraints': [models.UniqueConstraint(fields=('organization', 'chain'), name='chainhead_unique')],
                },
            ), migrations.CreateModel(
                name='Job',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('kind', models.CharField(max_length=60)),
                    ('params', models.JSONField(blank=True, default=dict)),
                    ('status', models.CharField(choices=[('queued', 'Queued'), ('running', 'Running'), ('succeeded', 'Finished'), ('failed', 'Failed')], default='queued', max_length=12)),
                    ('done', models.PositiveIntegerField(default=0)),
                    ('total', models.PositiveIntegerField(default=0)),
                    ('message', models.CharField(blank=True, max_length=255)),
                    ('result_file', models.FileField(blank=True, upload_to='jobs/%Y/%m/')),
                    ('result_name', models.CharField(blank=True, max_length=255)),
                    ('error', models.TextField(blank=True)),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('started_at', models.DateTimeField(blank=True, null=True)),
                    ('finished_at', models.DateTimeField(blank=True, null=True)),
                    ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organizations.organization')),
                ],
                options={
                    'ordering': ['-created_at'],
                    'indexes': [models.Index(fields=['organization', '-created_at'], name='common_job_organiz_8dbc81_idx')],
                },
            )],
        ),
    ]
