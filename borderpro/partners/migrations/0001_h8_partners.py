import borderpro.common.ids
import borderpro.common.migration_operations
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('evidence', '0001_initial'),
        ('organizations', '0004_h3b_organization_logo'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        borderpro.common.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='HistoricalPartner',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('name', models.CharField(max_length=200, verbose_name='name')),
                    ('kind', models.CharField(choices=[('shipper', 'Shipper / customer'), ('sub_carrier', 'Sub-carrier'), ('owner_operator', 'Owner-operator'), ('customs_broker', 'Customs broker'), ('warehouse', 'Warehouse'), ('it_provider', 'IT provider'), ('security_contractor', 'Security contractor'), ('cleaning_contractor', 'Cleaning contractor'), ('other', 'Other')], max_length=24, verbose_name='type')),
                    ('country', models.CharField(help_text='Two-letter code, e.g. CA, US, MX.', max_length=2, verbose_name='country')),
                    ('services', models.CharField(blank=True, max_length=300, verbose_name='services')),
                    ('contact_name', models.CharField(blank=True, max_length=200, verbose_name='contact')),
                    ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact email')),
                    ('contact_phone', models.CharField(blank=True, max_length=40, verbose_name='contact phone')),
                    ('written_contract_on', models.DateField(blank=True, help_text='For sub-carriers not certified under C-TPAT: the date of the written contract.', null=True, verbose_name='written security contract signed')),
                    ('active', models.BooleanField(default=True, verbose_name='active')),
                    ('last_screened_on', models.DateField(blank=True, editable=False, null=True, verbose_name='last screened')),
                    ('screening_outcome', models.CharField(blank=True, choices=[('approved', 'Approved'), ('approved_conditions', 'Approved with conditions'), ('corrective_action', 'Corrective action requested')], editable=False, max_length=24, verbose_name='last outcome')),
                    ('next_screening_due', models.DateField(blank=True, editable=False, null=True, verbose_name='next screening due')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'historical business partner',
                    'verbose_name_plural': 'historical business partners',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='Partner',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('name', models.CharField(max_length=200, verbose_name='name')),
                    ('kind', models.CharField(choices=[('shipper', 'Shipper / customer'), ('sub_carrier', 'Sub-carrier'), ('owner_operator', 'Owner-operator'), ('customs_broker', 'Customs broker'), ('warehouse', 'Warehouse'), ('it_provider', 'IT provider'), ('security_contractor', 'Security contractor'), ('cleaning_contractor', 'Cleaning contractor'), ('other', 'Other')], max_length=24, verbose_name='type')),
                    ('country', models.CharField(help_text='Two-letter code, e.g. CA, US, MX.', max_length=2, verbose_name='country')),
                    ('services', models.CharField(blank=True, max_length=300, verbose_name='services')),
                    ('contact_name', models.CharField(blank=True, max_length=200, verbose_name='contact')),
                    ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact email')),
                    ('contact_phone', models.CharField(blank=True, max_length=40, verbose_name='contact phone')),
                    ('written_contract_on', models.DateField(blank=True, help_text='For sub-carriers not certified under C-TPAT: the date of the written contract.', null=True, verbose_name='written security contract signed')),
                    ('active', models.BooleanField(default=True, verbose_name='active')),
                    ('last_screened_on', models.DateField(blank=True, editable=False, null=True, verbose_name='last screened')),
                    ('screening_outcome', models.CharField(blank=True, choices=[('approved', 'Approved'), ('approved_conditions', 'Approved with conditions'), ('corrective_action', 'Corrective action requested')], editable=False, max_length=24, verbose_name='last outcome')),
                    ('next_screening_due', models.DateField(blank=True, editable=False, null=True, verbose_name='next screening due')),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'business partner',
                    'verbose_name_plural': 'business partners',
                    'ordering': ['name'],
                    'indexes': [models.Index(fields=['organization', 'kind'], name='partners_pa_organiz_3fec16_idx'), models.Index(fields=['organization', 'next_screening_due'], name='partners_pa_organiz_1d80de_idx')],
                    'constraints': [models.CheckConstraint(condition=models.Q(('name', ''), _negated=True), name='partners_partner_name_required'), models.CheckConstraint(condition=models.Q(('kind__in', ['sub_carrier', 'owner_operator', 'warehouse', 'it_provider', 'security_contractor', 'cleaning_contractor', 'customs_broker', 'shipper', 'other'])), name='partners_partner_kind_valid'), models.UniqueConstraint(fields=('organization', 'name'), name='partners_partner_name_unique', violation_error_message='A partner with this name is already in the register.')],
                },
            ), migrations.CreateModel(
                name='HistoricalScreening',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('screened_on', models.DateField(verbose_name='screened on')),
                    ('outcome', models.CharField(choices=[('approved', 'Approved'), ('approved_conditions', 'Approved with conditions'), ('corrective_action', 'Corrective action requested')], max_length=24, verbose_name='outcome')),
                    ('notes', models.TextField(blank=True, verbose_name='notes')),
                    ('risk_level', models.CharField(choices=[('low', 'Low'), ('medium', 'Medium'), ('high', 'High')], max_length=8, verbose_name='risk')),
                    ('next_due', models.DateField(verbose_name='next screening due')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                    ('screened_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='screened by')),
                    ('partner', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='partners.partner', verbose_name='partner')),
                ],
                options={
                    'verbose_name': 'historical screening',
                    'verbose_name_plural': 'historical screenings',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='HistoricalCertification',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('program', models.CharField(choices=[('pip', 'Partners in Protection (PIP)'), ('ctpat', 'C-TPAT'), ('jp_aeo', 'Japan AEO'), ('kr_aeo', 'Korea AEO'), ('sg_stp', 'Singapore Secure Trade Partnership (STP)'), ('mx_neec', 'Mexico NEEC'), ('il_aeo', 'Israel AEO'), ('au_att', 'Australian Trusted Trader'), ('hk_aeo', 'Hong Kong AEO'), ('nz_ses', 'New Zealand Secure Exports Scheme'), ('eu_aeo', 'EU AEO (AEO-S / AEO-F)'), ('other', 'Other (not recognised by Canada)')], max_length=12, verbose_name='program')),
                    ('number', models.CharField(blank=True, help_text='For C-TPAT, the SVI number; for PIP, the registration number.', max_length=40, verbose_name='number')),
                    ('verified_on', models.DateField(verbose_name='status verified on')),
                    ('valid_until', models.DateField(blank=True, null=True, verbose_name='valid until')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('evidence', models.ForeignKey(blank=True, db_constraint=False, help_text='The certificate or status page, from the evidence vault.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='evidence.evidencefile', verbose_name='proof')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                    ('partner', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='partners.partner', verbose_name='partner')),
                ],
                options={
                    'verbose_name': 'historical certification',
                    'verbose_name_plural': 'historical certifications',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='Certification',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('program', models.CharField(choices=[('pip', 'Partners in Protection (PIP)'), ('ctpat', 'C-TPAT'), ('jp_aeo', 'Japan AEO'), ('kr_aeo', 'Korea AEO'), ('sg_stp', 'Singapore Secure Trade Partnership (STP)'), ('mx_neec', 'Mexico NEEC'), ('il_aeo', 'Israel AEO'), ('au_att', 'Australian Trusted Trader'), ('hk_aeo', 'Hong Kong AEO'), ('nz_ses', 'New Zealand Secure Exports Scheme'), ('eu_aeo', 'EU AEO (AEO-S / AEO-F)'), ('other', 'Other (not recognised by Canada)')], max_length=12, verbose_name='program')),
                    ('number', models.CharField(blank=True, help_text='For C-TPAT, the SVI number; for PIP, the registration number.', max_length=40, verbose_name='number')),
                    ('verified_on', models.DateField(verbose_name='status verified on')),
                    ('valid_until', models.DateField(blank=True, null=True, verbose_name='valid until')),
                    ('evidence', models.ForeignKey(blank=True, help_text='The certificate or status page, from the evidence vault.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='evidence.evidencefile', verbose_name='proof')),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                    ('partner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='certifications', to='partners.partner', verbose_name='partner')),
                ],
                options={
                    'verbose_name': 'certification',
                    'verbose_name_plural': 'certifications',
                    'ordering': ['program'],
                    'constraints': [models.UniqueConstraint(fields=('partner', 'program'), name='partners_certification_once_per_program', violation_error_message='This partner already has a certification under this program: record a new status check on it instead.'), models.CheckConstraint(condition=models.Q(('valid_until__isnull', True), ('valid_until__gte', models.F('verified_on')), _connector='OR'), name='partners_certification_valid_after_verified')],
                },
            ), migrations.CreateModel(
                name='Screening',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('screened_on', models.DateField(verbose_name='screened on')),
                    ('outcome', models.CharField(choices=[('approved', 'Approved'), ('approved_conditions', 'Approved with conditions'), ('corrective_action', 'Corrective action requested')], max_length=24, verbose_name='outcome')),
                    ('notes', models.TextField(blank=True, verbose_name='notes')),
                    ('risk_level', models.CharField(choices=[('low', 'Low'), ('medium', 'Medium'), ('high', 'High')], max_length=8, verbose_name='risk')),
                    ('next_due', models.DateField(verbose_name='next screening due')),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                    ('partner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='screenings', to='partners.partner', verbose_name='partner')),
                    ('screened_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='screened by')),
                ],
                options={
                    'verbose_name': 'screening',
                    'verbose_name_plural': 'screenings',
                    'ordering': ['-screened_on', '-created_at'],
                    'constraints': [models.CheckConstraint(condition=models.Q(('next_due__gt', models.F('screened_on'))), name='partners_screening_due_after')],
                },
            )],
        ),
    ]
