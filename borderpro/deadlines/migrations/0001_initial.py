import borderpro.common.ids
import borderpro.common.migration_operations
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('organizations', '0004_h3b_organization_logo'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        borderpro.common.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='CalendarFeed',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('token_hash', models.CharField(editable=False, max_length=64, unique=True)),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('revoked_at', models.DateTimeField(blank=True, null=True)),
                    ('last_used_at', models.DateTimeField(blank=True, null=True)),
                    ('organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organizations.organization')),
                    ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='calendar_feeds', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'calendar link',
                    'ordering': ['-created_at'],
                },
            ), migrations.CreateModel(
                name='HistoricalReminderPreference',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('frequency', models.CharField(choices=[('immediate', 'One email per reminder'), ('daily', 'A daily digest'), ('weekly', 'A weekly digest (Mondays)')], default='immediate', max_length=10, verbose_name='reminder emails')),
                    ('muted_kinds', models.JSONField(blank=True, default=list, verbose_name='kinds without email')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False)),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'historical reminder preference',
                    'verbose_name_plural': 'historical reminder preferences',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='HistoricalReminderSetting',
                fields=[
                    ('id', models.UUIDField(db_index=True, default=borderpro.common.ids.uuid7, editable=False)),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('kind', models.CharField(max_length=80, verbose_name='kind of deadline')),
                    ('stages', models.JSONField(blank=True, default=list, verbose_name='days before the due date')),
                    ('overdue', models.BooleanField(default=True, verbose_name='remind when overdue')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organization', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization')),
                    ('updated_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'historical reminder setting',
                    'verbose_name_plural': 'historical reminder settings',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ), migrations.CreateModel(
                name='ReminderPreference',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('frequency', models.CharField(choices=[('immediate', 'One email per reminder'), ('daily', 'A daily digest'), ('weekly', 'A weekly digest (Mondays)')], default='immediate', max_length=10, verbose_name='reminder emails')),
                    ('muted_kinds', models.JSONField(blank=True, default=list, verbose_name='kinds without email')),
                    ('updated_at', models.DateTimeField(auto_now=True)),
                    ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='reminder_preference', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'reminder preference',
                },
            ), migrations.CreateModel(
                name='Notification',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('key', models.CharField(max_length=80)),
                    ('kind', models.CharField(max_length=80)),
                    ('stage', models.CharField(max_length=10)),
                    ('subject', models.CharField(max_length=300)),
                    ('due', models.DateField()),
                    ('action_url', models.CharField(max_length=500)),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('read_at', models.DateTimeField(blank=True, null=True)),
                    ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organizations.organization')),
                    ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'notification',
                    'ordering': ['-created_at', 'due'],
                    'indexes': [models.Index(fields=['user', 'read_at'], name='notification_unread')],
                    'constraints': [models.UniqueConstraint(fields=('user', 'key'), name='notification_once')],
                },
            ), migrations.CreateModel(
                name='ReminderSetting',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('kind', models.CharField(max_length=80, verbose_name='kind of deadline')),
                    ('stages', models.JSONField(blank=True, default=list, verbose_name='days before the due date')),
                    ('overdue', models.BooleanField(default=True, verbose_name='remind when overdue')),
                    ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization')),
                    ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'reminder setting',
                    'constraints': [models.UniqueConstraint(fields=('organization', 'kind'), name='remindersetting_unique')],
                },
            ), migrations.CreateModel(
                name='SentReminder',
                fields=[
                    ('id', models.UUIDField(default=borderpro.common.ids.uuid7, editable=False, primary_key=True, serialize=False)),
                    ('deadline_uid', models.CharField(max_length=36)),
                    ('kind', models.CharField(max_length=80)),
                    ('stage', models.CharField(max_length=10)),
                    ('subject', models.CharField(max_length=300)),
                    ('due', models.DateField()),
                    ('action_url', models.CharField(max_length=500)),
                    ('escalated', models.BooleanField(default=False)),
                    ('delivery', models.CharField(choices=[('immediate', 'One email per reminder'), ('daily', 'A daily digest'), ('weekly', 'A weekly digest (Mondays)')], max_length=10)),
                    ('planned_on', models.DateField()),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('claim', models.UUIDField(blank=True, null=True)),
                    ('claimed_at', models.DateTimeField(blank=True, null=True)),
                    ('attempts', models.PositiveSmallIntegerField(default=0)),
                    ('sent_at', models.DateTimeField(blank=True, null=True)),
                    ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organizations.organization')),
                    ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sent_reminders', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'sent reminder',
                    'ordering': ['due', 'kind', 'subject'],
                    'indexes': [models.Index(fields=['sent_at', 'user'], name='sentreminder_pending'), models.Index(fields=['claim'], name='sentreminder_claim')],
                    'constraints': [models.UniqueConstraint(fields=('user', 'deadline_uid', 'stage'), name='sentreminder_once')],
                },
            )],
        ),
    ]
