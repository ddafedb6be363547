import borderpro.common.ids
import borderpro.common.migration_operations
import borderpro.evidence.models
import django.db.models.deletion
import simple_history.models
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
                name='HistoricalEvidenceFile',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('title', models.CharField(max_length=200, verbose_name='title')),
                    ('description', models.TextField(blank=True, verbose_name='description')),
                    ('proves', models.TextField(blank=True, help_text='The requirement, policy or practice this file is proof of.', verbose_name='what it proves')),
                    ('document_date', models.DateField(blank=True, null=True, verbose_name='document date')),
                    ('expires_on', models.DateField(blank=True, null=True, verbose_name='expires on')),
                    ('original_name', models.CharField(max_length=255, verbose_name='file name')),
                    ('size', models.PositiveBigIntegerField(verbose_name='size')),
                    ('sha256', models.CharField(max_length=64, verbose_name='SHA-256')),
                    ('content_type', models.CharField(max_length=120, verbose_name='type')),
                    ('type_label', models.CharField(max_length=40, verbose_name='type')),
                    ('archived_at', models.DateTimeField(blank=True, null=True, verbose_name='archived')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                    ('uploaded_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                ],
                options={
                    'verbose_name': 'historical evidence file',
                    'verbose_name_plural': 'historical evidence files',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='EvidenceFile',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('title', models.CharField(max_length=200, verbose_name='title')),
                    ('description', models.TextField(blank=True, verbose_name='description')),
                    ('proves', models.TextField(blank=True, help_text='The requirement, policy or practice this file is proof of.', verbose_name='what it proves')),
                    ('document_date', models.DateField(blank=True, null=True, verbose_name='document date')),
                    ('expires_on', models.DateField(blank=True, null=True, verbose_name='expires on')),
                    ('file', models.FileField(max_length=255, upload_to=borderpro.evidence.models.evidence_path, verbose_name='file')),
                    ('original_name', models.CharField(max_length=255, verbose_name='file name')),
                    ('size', models.PositiveBigIntegerField(verbose_name='size')),
                    ('sha256', models.CharField(max_length=64, verbose_name='SHA-256')),
                    ('content_type', models.CharField(max_length=120, verbose_name='type')),
                    ('type_label', models.CharField(max_length=40, verbose_name='type')),
                    ('archived_at', models.DateTimeField(blank=True, null=True, verbose_name='archived')),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                    ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                ],
                options={
                    'verbose_name': 'evidence file',
                    'verbose_name_plural': 'evidence files',
                    'ordering': ['-created_at'],
                    'indexes': [models.Index(fields=['organization', '-created_at'], name='evidence_ev_organiz_9d74b4_idx'), models.Index(fields=['organization', 'expires_on'], name='evidence_ev_organiz_9a1e1f_idx')],
                    'constraints': [models.UniqueConstraint(fields=('organization', 'sha256'), name='evidence_unique_content'), models.CheckConstraint(condition=models.Q(('size__gt', 0)), name='evidence_not_empty')],
                },
            )],
        ),
    ]
