import borderpro.common.migration_operations
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0001_initial'),
        ('organizations', '0003_chain_organization_index'),
        ('profiles', '0003_h4_primary_security_profiles'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        borderpro.common.migration_operations.AlterModels(
            operations=[migrations.RemoveConstraint(
                model_name='readinesspoint',
                name='profiles_readiness_daily',
            ), migrations.RemoveConstraint(
                model_name='response',
                name='profiles_response_unique',
            ), migrations.AlterField(
                model_name='packagesnapshot',
                name='security_profile',
                field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='packages', to='profiles.securityprofile', verbose_name='security profile'),
            )],
        ),
        borderpro.common.migration_operations.AlterModels(
            operations=[migrations.AlterField(
                model_name='readinesspoint',
                name='security_profile',
                field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='readiness_points', to='profiles.securityprofile'),
            ), migrations.AlterField(
                model_name='response',
                name='security_profile',
                field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='responses', to='profiles.securityprofile', verbose_name='security profile'),
            )],
        ),
        borderpro.common.migration_operations.AlterModels(
            operations=[migrations.AddConstraint(
                model_name='readinesspoint',
                constraint=models.UniqueConstraint(fields=('security_profile', 'framework', 'day'), name='profiles_readiness_daily'),
            ), migrations.AddConstraint(
                model_name='response',
                constraint=models.UniqueConstraint(fields=('security_profile', 'requirement'), name='profiles_response_unique'),
            )],
        ),
    ]
