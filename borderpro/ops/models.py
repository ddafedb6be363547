"""What the operations of the installation remember: the last successful run of each
background process (the worker, ``send_due_reminders``), shown by ``/readyz``."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Heartbeat(models.Model):
    """The last time one background process finished a run successfully."""

    name = models.CharField(_("process"), max_length=60, unique=True)
    last_success_at = models.DateTimeField(_("last successful run"))
    runs = models.PositiveBigIntegerField(_("successful runs"), default=0)

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self) -> str:
        return f"{self.name} @ {self.last_success_at:%Y-%m-%d %H:%M:%S}"
