import borderpro.common.ids
import borderpro.common.migration_operations
import borderpro.organizations.models
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        borderpro.common.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='ClientLink',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('client', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consultancy_links', to='organizations.organization')),
                    ('consultancy', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='client_links', to='organizations.organization')),
                ],
                options={
                    'constraints': [models.UniqueConstraint(fields=('consultancy', 'client'), name='clientlink_unique'), models.CheckConstraint(condition=models.Q(('consultancy', models.F('client')), _negated=True), name='clientlink_not_self')],
                },
            ), migrations.CreateModel(
                name='HistoricalConsultantAssignment',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False)),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('link', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.clientlink')),
                    ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'historical consultant assignment',
                    'verbose_name_plural': 'historical consultant assignments',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='HistoricalOrganization',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('code', models.CharField(db_index=True, default=borderpro.common.ids.new_code, editable=False, max_length=12, verbose_name='code')),
                    ('name', models.CharField(max_length=200, verbose_name='name')),
                    ('legal_name', models.CharField(blank=True, max_length=200, verbose_name='legal name')),
                    ('kind', models.CharField(choices=[('consultancy', 'Consultancy'), ('client', 'Client company')], max_length=12, verbose_name='kind')),
                    ('business_type', models.CharField(blank=True, choices=[('highway_carrier', 'Highway carrier'), ('rail_carrier', 'Rail carrier'), ('marine_carrier', 'Marine carrier'), ('air_carrier', 'Air carrier'), ('courier', 'Courier'), ('importer', 'Importer'), ('exporter', 'Exporter'), ('customs_broker', 'Customs broker'), ('freight_forwarder', 'Freight forwarder'), ('shipping_agent', 'Shipping agent'), ('warehouse_operator', 'Warehouse operator')], max_length=30, verbose_name='line of business')),
                    ('country', models.CharField(choices=[('CA', 'Canada'), ('US', 'United States')], default='CA', max_length=2, verbose_name='country')),
                    ('region', models.CharField(blank=True, max_length=3, verbose_name='province or state')),
                    ('city', models.CharField(blank=True, max_length=100, verbose_name='city')),
                    ('time_zone', models.CharField(default='America/Toronto', max_length=64, validators=[borderpro.organizations.models.validate_time_zone], verbose_name='time zone')),
                    ('language', models.CharField(choices=[('en', 'English'), ('fr', 'French')], default='en', max_length=2, verbose_name='document language')),
                    ('require_mfa', models.BooleanField(default=False, help_text='Everyone who opens this organization must have two-factor authentication.', verbose_name='require two-factor authentication')),
                    ('is_active', models.BooleanField(default=True, verbose_name='active')),
                    ('created_at', models.DateTimeField(blank=True, editable=False)),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'historical organization',
                    'verbose_name_plural': 'historical organizations',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='Organization',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('code', models.CharField(default=borderpro.common.ids.new_code, editable=False, max_length=12, unique=True, verbose_name='code')),
                    ('name', models.CharField(max_length=200, verbose_name='name')),
                    ('legal_name', models.CharField(blank=True, max_length=200, verbose_name='legal name')),
                    ('kind', models.CharField(choices=[('consultancy', 'Consultancy'), ('client', 'Client company')], max_length=12, verbose_name='kind')),
                    ('business_type', models.CharField(blank=True, choices=[('highway_carrier', 'Highway carrier'), ('rail_carrier', 'Rail carrier'), ('marine_carrier', 'Marine carrier'), ('air_carrier', 'Air carrier'), ('courier', 'Courier'), ('importer', 'Importer'), ('exporter', 'Exporter'), ('customs_broker', 'Customs broker'), ('freight_forwarder', 'Freight forwarder'), ('shipping_agent', 'Shipping agent'), ('warehouse_operator', 'Warehouse operator')], max_length=30, verbose_name='line of business')),
                    ('country', models.CharField(choices=[('CA', 'Canada'), ('US', 'United States')], default='CA', max_length=2, verbose_name='country')),
                    ('region', models.CharField(blank=True, max_length=3, verbose_name='province or state')),
                    ('city', models.CharField(blank=True, max_length=100, verbose_name='city')),
                    ('time_zone', models.CharField(default='America/Toronto', max_length=64, validators=[borderpro.organizations.models.validate_time_zone], verbose_name='time zone')),
                    ('language', models.CharField(choices=[('en', 'English'), ('fr', 'French')], default='en', max_length=2, verbose_name='document language')),
                    ('require_mfa', models.BooleanField(default=False, help_text='Everyone who opens this organization must have two-factor authentication.', verbose_name='require two-factor authentication')),
                    ('is_active', models.BooleanField(default=True, verbose_name='active')),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                ],
                options={
                    'verbose_name': 'organization',
                    'verbose_name_plural': 'organizations',
                    'ordering': ['name'],
                    'constraints': [models.CheckConstraint(condition=models.Q(('kind__in', ['consultancy', 'client'])), name='organization_kind_valid')],
                },
            ), migrations.CreateModel(
                name='Invitation',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('email', models.EmailField(max_length=254, verbose_name='email')),
                    ('role', models.CharField(choices=[('owner', 'Owner'), ('admin', 'Administrator'), ('contributor', 'Contributor'), ('viewer', 'Viewer'), ('field_staff', 'Field staff'), ('consultant_admin', 'Consultant administrator'), ('consultant', 'Consultant')], max_length=20, verbose_name='role')),
                    ('token_hash', models.CharField(editable=False, max_length=64, unique=True)),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('expires_at', models.DateTimeField()),
                    ('accepted_at', models.DateTimeField(blank=True, null=True)),
                    ('revoked_at', models.DateTimeField(blank=True, null=True)),
                    ('accepted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('invited_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invitations', to='organizations.organization')),
                ],
                options={
                    'ordering': ['-created_at'],
                },
            ), migrations.CreateModel(
                name='HistoricalMembership',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('role', models.CharField(choices=[('owner', 'Owner'), ('admin', 'Administrator'), ('contributor', 'Contributor'), ('viewer', 'Viewer'), ('field_staff', 'Field staff'), ('consultant_admin', 'Consultant administrator'), ('consultant', 'Consultant')], max_length=20, verbose_name='role')),
                    ('created_at', models.DateTimeField(blank=True, editable=False)),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'historical membership',
                    'verbose_name_plural': 'historical memberships',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='HistoricalInvitation',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('email', models.EmailField(max_length=254, verbose_name='email')),
                    ('role', models.CharField(choices=[('owner', 'Owner'), ('admin', 'Administrator'), ('contributor', 'Contributor'), ('viewer', 'Viewer'), ('field_staff', 'Field staff'), ('consultant_admin', 'Consultant administrator'), ('consultant', 'Consultant')], max_length=20, verbose_name='role')),
                    ('token_hash', models.CharField(db_index=True, editable=False, max_length=64)),
                    ('created_at', models.DateTimeField(blank=True, editable=False)),
                    ('expires_at', models.DateTimeField()),
                    ('accepted_at', models.DateTimeField(blank=True, null=True)),
                    ('revoked_at', models.DateTimeField(blank=True, null=True)),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('accepted_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('invited_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'historical invitation',
                    'verbose_name_plural': 'historical invitations',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='HistoricalClientLink',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False)),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('client', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                    ('consultancy', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'historical client link',
                    'verbose_name_plural': 'historical client links',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='Activity',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('seq', models.PositiveBigIntegerField(editable=False)),
                    ('prev_hash', models.CharField(editable=False, max_length=64)),
                    ('record_hash', models.CharField(editable=False, max_length=64)),
                    ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='recorded')),
                    ('verb', models.CharField(max_length=60)),
                    ('target_type', models.CharField(blank=True, max_length=60)),
                    ('target_id', models.CharField(blank=True, max_length=64)),
                    ('params', models.JSONField(blank=True, default=dict)),
                    ('corrects', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='corrections', to='organizations.activity', verbose_name='corrects')),
                    ('recorded_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'activity',
                    'verbose_name_plural': 'activity',
                    'ordering': ['-seq'],
                    'abstract': False,
                    'indexes': [models.Index(fields=['organization', '-seq'], name='organizatio_organiz_e28351_idx')],
                    'constraints': [models.UniqueConstraint(fields=('organization', 'seq'), name='organizations_activity_org_seq')],
                },
            ), migrations.CreateModel(
                name='ConsultantAssignment',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('link', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='organizations.clientlink')),
                    ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'constraints': [models.UniqueConstraint(fields=('link', 'user'), name='assignment_unique')],
                },
            ), migrations.CreateModel(
                name='Membership',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('role', models.CharField(choices=[('owner', 'Owner'), ('admin', 'Administrator'), ('contributor', 'Contributor'), ('viewer', 'Viewer'), ('field_staff', 'Field staff'), ('consultant_admin', 'Consultant administrator'), ('consultant', 'Consultant')], max_length=20, verbose_name='role')),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'membership',
                    'ordering': ['organization__name'],
                    'constraints': [models.UniqueConstraint(fields=('user', 'organization'), name='membership_unique')],
                },
            )],
        ),
    ]
