import borderpro.common.migration_operations
import borderpro.profiles.identifiers
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organizations', '0003_chain_organization_index'),
        ('profiles', '0004_h4_security_profile_required'),
    ]

    operations = [
        borderpro.common.migration_operations.AlterModels(
            operations=[migrations.RemoveConstraint(
                model_name='carrierprofile',
                name='profiles_scac_format',
            ), migrations.AlterField(
                model_name='historicalcarrierprofile',
                name='mc_number',
                field=models.CharField(blank=True, help_text='Optional: an FMCSA docket (MC, MX or FF number); FMCSA is phasing out MC numbers.', max_length=11, validators=[borderpro.profiles.identifiers.validate_mc_number], verbose_name='MC number'),
            )],
        ),
        borderpro.common.migration_operations.AlterModels(
            operations=[migrations.AlterField(
                model_name='carrierprofile',
                name='mc_number',
                field=models.CharField(blank=True, help_text='Optional: an FMCSA docket (MC, MX or FF number); FMCSA is phasing out MC numbers.', max_length=11, validators=[borderpro.profiles.identifiers.validate_mc_number], verbose_name='MC number'),
            ), migrations.AlterField(
                model_name='historicalcarrierprofile',
                name='rm_account',
                field=models.CharField(blank=True, help_text='The 15-character import/export account, e.g. 123456782RM0001 (hyphens and spaces are removed).', max_length=15, validators=[borderpro.profiles.identifiers.validate_rm_account], verbose_name='RM program account'),
            )],
        ),
        migrations.AlterField(
            model_name='carrierprofile',
            name='rm_account',
            field=models.CharField(blank=True, help_text='The 15-character import/export account, e.g. 123456782RM0001 (hyphens and spaces are removed).', max_length=15, validators=[borderpro.profiles.identifiers.validate_rm_account], verbose_name='RM program account'),
        ),
        migrations.AddConstraint(
            model_name='carrierprofile',
            constraint=models.CheckConstraint(condition=models.Q(('scac', ''), ('scac__regex', '^([A-Z]{2,3}|[A-Z]{3}[A-TVWY])$'), _connector='OR'), name='profiles_scac_format'),
        ),
    ]
