"""Run the full spillover recompute in this process, with a progress bar."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from platform_.errors import DomainError
from spillover import services


class Command(BaseCommand):
    help = "Recompute every spillover figure from the record of use (same work as the Celery beat task)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--parameters", help="JSON: delta, weights, months", default=None)
        parser.add_argument("--batch-rows", type=int, default=None, help="events per streamed batch")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            params = json.loads(opts["parameters"]) if opts["parameters"] else None
            if params:
                run = services.run_start(parameters=params)
            else:
                run = services.run_resume_or_start(parameters=getattr(settings, "SPILLOVER_PARAMETERS", None))
        except (ValueError, DomainError) as exc:
            raise CommandError(str(exc)) from exc
        bar = tqdm(total=100, unit="%", disable=opts["no_progress"], desc="spillover")

        def report(stage: str, fraction: float) -> None:
            bar.set_description(f"spillover: {stage}")
            bar.update(max(0, int(fraction * 100) - bar.n))

        try:
            run = services.run_compute(run_id=run.pk, on_progress=report, batch_rows=opts["batch_rows"])
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            bar.close()
        self.stdout.write(
            self.style.SUCCESS(f"run {run.pk}: {run.event_count} events, as of {run.as_of:%Y-%m-%d %H:%M}")
        )
