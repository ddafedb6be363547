from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Operations of the installation: health, logs, heartbeats, backups, organization
    export and import. Generic over every app: it walks the app registry, knows no module."""

    name = "borderpro.ops"
    label = "ops"
    verbose_name = _("Operations")

    def ready(self) -> None:
        from django.tasks.signals import task_enqueued, task_finished

        from borderpro.common.nav import register_nav_item
        from borderpro.ops.heartbeat import worker_finished
        from borderpro.ops.wakeup import task_queued

        task_finished.connect(worker_finished, dispatch_uid="ops.worker_heartbeat")
        task_enqueued.connect(task_queued, dispatch_uid="ops.wake_worker")
        register_nav_item(
            "ops.export",
            url="ops:export",
            label=_("Export data"),
            icon="download",
            permission="ops.export",
            order=935,
        )
