"""Write a signed checkpoint of every chain head outside the database (daily, from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from borderpro.common.checkpoints import checkpoint_write


class Command(BaseCommand):
    help = (
        "Write a signed checkpoint of every record chain head into CHAIN_CHECKPOINT_DIR "
        "(verify_records then detects truncated or rewritten chains). Exits 1 if a head "
        "could not be checkpointed."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        path, count, problems = checkpoint_write()
        for problem in problems:
            self.stderr.write(self.style.ERROR("NOT CHECKPOINTED " + problem))
        self.stdout.write(f"Checkpoint of {count} chain heads written to {path}.")
        if problems:
            raise CommandError(
                f"{len(problems)} chain head(s) kept at their previous checkpoint; "
                f"first: {problems[0]}"
            )
