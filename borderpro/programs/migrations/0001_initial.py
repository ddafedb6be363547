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
                name='HistoricalDeclarations',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('last_cross_border_movement', models.DateField(blank=True, null=True, verbose_name='last cross-border movement')),
                    ('crown_debt', models.BooleanField(blank=True, null=True, verbose_name='unresolved debt to the Crown')),
                    ('undischarged_bankruptcy', models.BooleanField(blank=True, null=True, verbose_name='undischarged bankruptcy')),
                    ('unpardoned_convictions', models.BooleanField(blank=True, null=True, verbose_name='convictions without a record suspension')),
                    ('foreign_convictions', models.BooleanField(blank=True, null=True, verbose_name='foreign convictions')),
                    ('significant_contraventions', models.BooleanField(blank=True, null=True, verbose_name='significant customs contraventions')),
                    ('shipment_tracking', models.BooleanField(blank=True, null=True, verbose_name='every shipment can be located at any time')),
                    ('pre_arrival_data', models.BooleanField(blank=True, null=True, verbose_name='pre-arrival cargo data transmitted')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'historical program declarations',
                    'verbose_name_plural': 'historical program declarations',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='HistoricalMembership',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('program', models.CharField(choices=[('PIP', 'Partners in Protection (PIP)'), ('CTPAT', 'C-TPAT'), ('LVS', 'Courier Low Value Shipment (LVS)'), ('CSA', 'Customs Self Assessment (CSA)')], max_length=8, verbose_name='program')),
                    ('status', models.CharField(choices=[('none', 'Not a member'), ('preparing', 'Preparing'), ('applied', 'Applied'), ('under_review', 'Under review'), ('validation_scheduled', 'Validation scheduled'), ('approved', 'Approved'), ('action_plan_open', 'Action plan open'), ('suspended', 'Suspended'), ('cancelled', 'Cancelled'), ('under_appeal', 'Under appeal')], default='none', max_length=24, verbose_name='status')),
                    ('number', models.CharField(blank=True, help_text='PIP number, or C-TPAT account number.', max_length=40, verbose_name='membership number')),
                    ('svi_number', models.CharField(blank=True, help_text='C-TPAT Status Verification Interface number, given to partners.', max_length=40, verbose_name='SVI number')),
                    ('applied_on', models.DateField(blank=True, null=True, verbose_name='applied on')),
                    ('validation_on', models.DateField(blank=True, null=True, verbose_name='site validation')),
                    ('approved_on', models.DateField(blank=True, help_text='Revalidation and yearly obligations count from this date.', null=True, verbose_name='approved or certified on')),
                    ('last_portal_sign_in', models.DateField(blank=True, null=True, verbose_name='last portal sign-in')),
                    ('revalidated_on', models.DateField(blank=True, null=True, verbose_name='last revalidation')),
                    ('validation_report_on', models.DateField(blank=True, null=True, verbose_name='validation report received')),
                    ('action_plan_due', models.DateField(blank=True, null=True, verbose_name='action plan deadline')),
                    ('cancelled_on', models.DateField(blank=True, null=True, verbose_name='cancellation notice date')),
                    ('notes', models.TextField(blank=True, verbose_name='notes')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'historical program membership',
                    'verbose_name_plural': 'historical program memberships',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='Declarations',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('last_cross_border_movement', models.DateField(blank=True, null=True, verbose_name='last cross-border movement')),
                    ('crown_debt', models.BooleanField(blank=True, null=True, verbose_name='unresolved debt to the Crown')),
                    ('undischarged_bankruptcy', models.BooleanField(blank=True, null=True, verbose_name='undischarged bankruptcy')),
                    ('unpardoned_convictions', models.BooleanField(blank=True, null=True, verbose_name='convictions without a record suspension')),
                    ('foreign_convictions', models.BooleanField(blank=True, null=True, verbose_name='foreign convictions')),
                    ('significant_contraventions', models.BooleanField(blank=True, null=True, verbose_name='significant customs contraventions')),
                    ('shipment_tracking', models.BooleanField(blank=True, null=True, verbose_name='every shipment can be located at any time')),
                    ('pre_arrival_data', models.BooleanField(blank=True, null=True, verbose_name='pre-arrival cargo data transmitted')),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'program declarations',
                    'verbose_name_plural': 'program declarations',
                    'constraints': [models.UniqueConstraint(fields=('organization',), name='programs_one_declarations_per_org')],
                },
            ), migrations.CreateModel(
                name='Membership',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('program', models.CharField(choices=[('PIP', 'Partners in Protection (PIP)'), ('CTPAT', 'C-TPAT'), ('LVS', 'Courier Low Value Shipment (LVS)'), ('CSA', 'Customs Self Assessment (CSA)')], max_length=8, verbose_name='program')),
                    ('status', models.CharField(choices=[('none', 'Not a member'), ('preparing', 'Preparing'), ('applied', 'Applied'), ('under_review', 'Under review'), ('validation_scheduled', 'Validation scheduled'), ('approved', 'Approved'), ('action_plan_open', 'Action plan open'), ('suspended', 'Suspended'), ('cancelled', 'Cancelled'), ('under_appeal', 'Under appeal')], default='none', max_length=24, verbose_name='status')),
                    ('number', models.CharField(blank=True, help_text='PIP number, or C-TPAT account number.', max_length=40, verbose_name='membership number')),
                    ('svi_number', models.CharField(blank=True, help_text='C-TPAT Status Verification Interface number, given to partners.', max_length=40, verbose_name='SVI number')),
                    ('applied_on', models.DateField(blank=True, null=True, verbose_name='applied on')),
                    ('validation_on', models.DateField(blank=True, null=True, verbose_name='site validation')),
                    ('approved_on', models.DateField(blank=True, help_text='Revalidation and yearly obligations count from this date.', null=True, verbose_name='approved or certified on')),
                    ('last_portal_sign_in', models.DateField(blank=True, null=True, verbose_name='last portal sign-in')),
                    ('revalidated_on', models.DateField(blank=True, null=True, verbose_name='last revalidation')),
                    ('validation_report_on', models.DateField(blank=True, null=True, verbose_name='validation report received')),
                    ('action_plan_due', models.DateField(blank=True, null=True, verbose_name='action plan deadline')),
                    ('cancelled_on', models.DateField(blank=True, null=True, verbose_name='cancellation notice date')),
                    ('notes', models.TextField(blank=True, verbose_name='notes')),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                ],
                options={
                    'verbose_name': 'program membership',
                    'verbose_name_plural': 'program memberships',
                    'ordering': ['program'],
                    'constraints': [models.UniqueConstraint(fields=('organization', 'program'), name='programs_one_membership_per_program'), models.CheckConstraint(condition=models.Q(('program__in', ['PIP', 'CTPAT', 'LVS', 'CSA'])), name='programs_program_valid'), models.CheckConstraint(condition=models.Q(('status__in', ['none', 'preparing', 'applied', 'under_review', 'validation_scheduled', 'approved', 'action_plan_open', 'suspended', 'cancelled', 'under_appeal'])), name='programs_status_valid'), models.CheckConstraint(condition=models.Q(models.Q(('status__in', ['approved', 'action_plan_open', 'suspended']), _negated=True), ('approved_on__isnull', False), _connector='OR'), name='programs_approved_needs_date'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'action_plan_open'), _negated=True), ('action_plan_due__isnull', False), _connector='OR'), name='programs_action_plan_needs_deadline'), models.CheckConstraint(condition=models.Q(models.Q(('status__in', ['cancelled', 'under_appeal']), _negated=True), ('cancelled_on__isnull', False), _connector='OR'), name='programs_cancelled_needs_date')],
                },
            )],
        ),
    ]
