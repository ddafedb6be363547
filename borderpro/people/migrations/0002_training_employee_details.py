import borderpro.common.ids
import borderpro.common.migration_operations
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organizations', '0004_h3b_organization_logo'),
        ('people', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        borderpro.common.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='EmployeeImport',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('file', models.FileField(max_length=255, upload_to='imports/people/%Y/%m/', verbose_name='file')),
                    ('original_name', models.CharField(max_length=255, verbose_name='file name')),
                    ('headers', models.JSONField(default=list, verbose_name='columns')),
                    ('row_count', models.PositiveIntegerField(default=0, verbose_name='rows')),
                    ('mapping', models.JSONField(default=dict, verbose_name='mapping')),
                    ('preview', models.JSONField(default=list, verbose_name='preview')),
                    ('state', models.CharField(choices=[('mapping', 'Columns to map'), ('preview', 'Ready to confirm'), ('imported', 'Imported')], default='mapping', max_length=8, verbose_name='state')),
                    ('imported_count', models.PositiveIntegerField(default=0, verbose_name='imported')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded at')),
                    ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'employee import',
                    'verbose_name_plural': 'employee imports',
                    'ordering': ['-created_at'],
                },
            ), migrations.CreateModel(
                name='HistoricalIssuedItem',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('kind', models.CharField(choices=[('badge', 'Badge'), ('key', 'Key'), ('card', 'Access card'), ('other', 'Other')], default='badge', max_length=6, verbose_name='item')),
                    ('label', models.CharField(max_length=80, verbose_name='label or number')),
                    ('issued_on', models.DateField(verbose_name='issued on')),
                    ('returned_on', models.DateField(blank=True, null=True, verbose_name='returned on')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('employee', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.employee', verbose_name='employee')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'historical badge or key',
                    'verbose_name_plural': 'historical badges and keys',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='HistoricalScreening',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('kind', models.CharField(choices=[('identity', 'Identity verification'), ('background', 'Background check')], max_length=10, verbose_name='check')),
                    ('checked_on', models.DateField(verbose_name='checked on')),
                    ('outcome', models.CharField(choices=[('cleared', 'Cleared'), ('pending', 'Pending'), ('adverse', 'Adverse finding')], default='cleared', max_length=8, verbose_name='outcome')),
                    ('recheck_months', models.PositiveSmallIntegerField(blank=True, help_text='Leave empty when the check is not repeated.', null=True, verbose_name='re-check every (months)')),
                    ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('employee', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.employee', verbose_name='employee')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'historical screening',
                    'verbose_name_plural': 'historical screenings',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='IssuedItem',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('kind', models.CharField(choices=[('badge', 'Badge'), ('key', 'Key'), ('card', 'Access card'), ('other', 'Other')], default='badge', max_length=6, verbose_name='item')),
                    ('label', models.CharField(max_length=80, verbose_name='label or number')),
                    ('issued_on', models.DateField(verbose_name='issued on')),
                    ('returned_on', models.DateField(blank=True, null=True, verbose_name='returned on')),
                    ('employee', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='people.employee', verbose_name='employee')),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'badge or key',
                    'verbose_name_plural': 'badges and keys',
                    'ordering': ['returned_on', '-issued_on'],
                    'constraints': [models.CheckConstraint(condition=models.Q(('kind__in', ['badge', 'key', 'card', 'other'])), name='people_item_kind'), models.CheckConstraint(condition=models.Q(('returned_on__isnull', True), ('returned_on__gte', models.F('issued_on')), _connector='OR'), name='people_item_returned_after_issue')],
                },
            ), migrations.CreateModel(
                name='Screening',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('kind', models.CharField(choices=[('identity', 'Identity verification'), ('background', 'Background check')], max_length=10, verbose_name='check')),
                    ('checked_on', models.DateField(verbose_name='checked on')),
                    ('outcome', models.CharField(choices=[('cleared', 'Cleared'), ('pending', 'Pending'), ('adverse', 'Adverse finding')], default='cleared', max_length=8, verbose_name='outcome')),
                    ('recheck_months', models.PositiveSmallIntegerField(blank=True, help_text='Leave empty when the check is not repeated.', null=True, verbose_name='re-check every (months)')),
                    ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
                    ('employee', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='screenings', to='people.employee', verbose_name='employee')),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'screening',
                    'verbose_name_plural': 'screenings',
                    'ordering': ['-checked_on'],
                    'constraints': [models.CheckConstraint(condition=models.Q(('kind__in', ['identity', 'background'])), name='people_screening_kind'), models.CheckConstraint(condition=models.Q(('outcome__in', ['cleared', 'pending', 'adverse'])), name='people_screening_outcome')],
                },
            )],
        ),
        migrations.RemoveConstraint(
            model_name='employee',
            name='people_employee_role_valid',
        ),
        migrations.AddField(
            model_name='employee',
            name='conduct_acknowledged_on',
            field=models.DateField(blank=True, null=True, verbose_name='code of conduct acknowledged on'),
        ),
        migrations.AddField(
            model_name='employee',
            name='email',
            field=models.EmailField(blank=True, max_length=254, verbose_name='email'),
        ),
        migrations.AddField(
            model_name='employee',
            name='hired_on',
            field=models.DateField(blank=True, null=True, verbose_name='hired on'),
        ),
        migrations.AddField(
            model_name='employee',
            name='language',
            field=models.CharField(choices=[('en', 'English'), ('fr', 'French')], default='en', max_length=2, verbose_name='language'),
        ),
        migrations.AddField(
            model_name='employee',
            name='licence_expires_on',
            field=models.DateField(blank=True, null=True, verbose_name='licence expires'),
        ),
        migrations.AddField(
            model_name='employee',
            name='licence_number',
            field=models.CharField(blank=True, max_length=40, verbose_name="driver's licence number"),
        ),
        migrations.AddField(
            model_name='employee',
            name='phone',
            field=models.CharField(blank=True, max_length=40, verbose_name='phone'),
        ),
        migrations.AddField(
            model_name='employee',
            name='site',
            field=models.CharField(blank=True, max_length=120, verbose_name='site'),
        ),
        migrations.AddField(
            model_name='employee',
            name='terminated_on',
            field=models.DateField(blank=True, null=True, verbose_name='terminated on'),
        ),
        migrations.AddField(
            model_name='historicalemployee',
            name='conduct_acknowledged_on',
            field=models.DateField(blank=True, null=True, verbose_name='code of conduct acknowledged on'),
        ),
        migrations.AddField(
            model_name='historicalemployee',
            name='email',
            field=models.EmailField(blank=True, max_length=254, verbose_name='email'),
        ),
        migrations.AddField(
            model_name='historicalemployee',
            name='hired_on',
            field=models.DateField(blank=True, null=True, verbose_name='hired on'),
        ),
        migrations.AddField(
            model_name='historicalemployee',
            name='language',
            field=models.CharField(choices=[('en', 'English'), ('fr', 'French')], default='en', max_length=2, verbose_name='language'),
        ),
        migrations.AddField(
            model_name='historicalemployee',
            name='licence_expires_on',
            field=models.DateField(blank=True, null=True, verbose_name='licence expires'),
        ),
        migrations.AddField(
            model_name='historicalemployee',
            name='licence_number',
            field=models.CharField(blank=True, max_length=40, verbose_name="driver's licence number"),
        ),
        migrations.AddField(
            model_name='historicalemployee',
            name='phone',
            field=models.CharField(blank=True, max_length=40, verbose_name='phone'),
        ),
        migrations.AddField(
            model_name='historicalemployee',
            name='site',
            field=models.CharField(blank=True, max_length=120, verbose_name='site'),
        ),
        migrations.AddField(
            model_name='historicalemployee',
            name='terminated_on',
            field=models.DateField(blank=True, null=True, verbose_name='terminated on'),
        ),
        migrations.AlterField(
            model_name='employee',
            name='role',
            field=models.CharField(choices=[('driver', 'Driver'), ('yard', 'Yard'), ('dispatch', 'Dispatch'), ('office', 'Office'), ('hr', 'Human resources'), ('it', 'Information technology'), ('security', 'Security'), ('management', 'Management'), ('other', 'Other')], default='driver', max_length=12, verbose_name='role'),
        ),
        migrations.AlterField(
            model_name='historicalemployee',
            name='role',
            field=models.CharField(choices=[('driver', 'Driver'), ('yard', 'Yard'), ('dispatch', 'Dispatch'), ('office', 'Office'), ('hr', 'Human resources'), ('it', 'Information technology'), ('security', 'Security'), ('management', 'Management'), ('other', 'Other')], default='driver', max_length=12, verbose_name='role'),
        ),
        migrations.AddConstraint(
            model_name='employee',
            constraint=models.CheckConstraint(condition=models.Q(('role__in', ['driver', 'yard', 'dispatch', 'office', 'hr', 'it', 'security', 'management', 'other'])), name='people_employee_role_valid'),
        ),
        migrations.AddConstraint(
            model_name='employee',
            constraint=models.CheckConstraint(condition=models.Q(('terminated_on__isnull', True), ('hired_on__isnull', True), ('terminated_on__gte', models.F('hired_on')), _connector='OR'), name='people_employee_terminated_after_hire'),
        ),
    ]
