import borderpro.common.ids
import borderpro.common.migration_operations
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('organizations', '0002_invitation_invited_by_blank'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        borderpro.common.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='Employee',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('full_name', models.CharField(max_length=200, verbose_name='full name')),
                    ('role', models.CharField(choices=[('driver', 'Driver'), ('yard', 'Yard'), ('dispatch', 'Dispatch'), ('office', 'Office')], default='driver', max_length=12, verbose_name='role')),
                    ('active', models.BooleanField(default=True, verbose_name='active')),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'employee',
                    'verbose_name_plural': 'employees',
                    'ordering': ['full_name'],
                    'indexes': [models.Index(fields=['organization', 'full_name'], name='people_empl_organiz_fc8813_idx')],
                    'constraints': [models.CheckConstraint(condition=models.Q(('role__in', ['driver', 'yard', 'dispatch', 'office'])), name='people_employee_role_valid'), models.CheckConstraint(condition=models.Q(('full_name', ''), _negated=True), name='people_employee_name_required')],
                },
            ), migrations.CreateModel(
                name='DriverCard',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('kind', models.CharField(choices=[('fast', 'FAST card'), ('cdrp', 'CDRP card')], default='fast', max_length=4, verbose_name='card')),
                    ('number', models.CharField(max_length=40, verbose_name='card number')),
                    ('issued_on', models.DateField(blank=True, null=True, verbose_name='issued')),
                    ('expires_on', models.DateField(verbose_name='expires')),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                    ('employee', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='cards', to='people.employee', verbose_name='employee')),
                ],
                options={
                    'verbose_name': 'driver card',
                    'verbose_name_plural': 'driver cards',
                    'ordering': ['expires_on'],
                    'constraints': [models.UniqueConstraint(fields=('organization', 'kind', 'number'), name='people_card_number_unique', violation_error_message='A card of this kind with this number is already recorded.'), models.CheckConstraint(condition=models.Q(('issued_on__isnull', True), ('expires_on__gt', models.F('issued_on')), _connector='OR'), name='people_card_expires_after_issue'), models.CheckConstraint(condition=models.Q(('kind__in', ['fast', 'cdrp'])), name='people_card_kind_valid')],
                },
            ), migrations.CreateModel(
                name='HistoricalDriverCard',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('kind', models.CharField(choices=[('fast', 'FAST card'), ('cdrp', 'CDRP card')], default='fast', max_length=4, verbose_name='card')),
                    ('number', models.CharField(max_length=40, verbose_name='card number')),
                    ('issued_on', models.DateField(blank=True, null=True, verbose_name='issued')),
                    ('expires_on', models.DateField(verbose_name='expires')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('employee', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.employee', verbose_name='employee')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'historical driver card',
                    'verbose_name_plural': 'historical driver cards',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='HistoricalEmployee',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('full_name', models.CharField(max_length=200, verbose_name='full name')),
                    ('role', models.CharField(choices=[('driver', 'Driver'), ('yard', 'Yard'), ('dispatch', 'Dispatch'), ('office', 'Office')], default='driver', max_length=12, verbose_name='role')),
                    ('active', models.BooleanField(default=True, verbose_name='active')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'historical employee',
                    'verbose_name_plural': 'historical employees',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            )],
        ),
    ]
