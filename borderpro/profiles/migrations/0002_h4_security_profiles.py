import borderpro.common.ids
import borderpro.common.migration_operations
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organizations', '0003_chain_organization_index'),
        ('profiles', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalresponse',
            name='same_as',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='profiles.response', verbose_name='same answer as'),
        ),
        migrations.AddField(
            model_name='response',
            name='same_as',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='shared_with', to='profiles.response', verbose_name='same answer as'),
        ),
        borderpro.common.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='HistoricalSecurityProfile',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('code', models.SlugField(max_length=60, verbose_name='code')),
                    ('is_primary', models.BooleanField(default=False, verbose_name='main profile')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('division', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='profiles.division', verbose_name='division')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'historical security profile',
                    'verbose_name_plural': 'historical security profiles',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='SecurityProfile',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('code', models.SlugField(max_length=60, verbose_name='code')),
                    ('is_primary', models.BooleanField(default=False, verbose_name='main profile')),
                    ('division', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='security_profile', to='profiles.division', verbose_name='division')),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'security profile',
                    'ordering': ['created_at'],
                    'constraints': [models.UniqueConstraint(fields=('organization', 'code'), name='profiles_security_profile_code_unique'), models.UniqueConstraint(condition=models.Q(('is_primary', True)), fields=('organization',), name='profiles_one_primary_security_profile'), models.CheckConstraint(condition=models.Q(('is_primary', True), ('division__isnull', False), _connector='OR'), name='profiles_security_profile_needs_division')],
                },
            )],
        ),
        borderpro.common.migration_operations.AlterModels(
            operations=[migrations.AddField(
                model_name='historicalresponse',
                name='security_profile',
                field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='profiles.securityprofile', verbose_name='security profile'),
            ), migrations.AddField(
                model_name='packagesnapshot',
                name='security_profile',
                field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='packages', to='profiles.securityprofile', verbose_name='security profile'),
            ), migrations.AddField(
                model_name='readinesspoint',
                name='security_profile',
                field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='readiness_points', to='profiles.securityprofile'),
            ), migrations.AddField(
                model_name='response',
                name='security_profile',
                field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='responses', to='profiles.securityprofile', verbose_name='security profile'),
            )],
        ),
    ]
