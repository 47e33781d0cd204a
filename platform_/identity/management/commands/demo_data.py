"""``manage.py demo_data``: build the demo data set (see platform_.demo for the builders and their contract)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from platform_.demo import DEFAULT_FIRMS, DEFAULT_SEED, DemoContext, build_all, demo_data_exists, demo_stages
from platform_.demo.identity import ANCHORS
from platform_.launch import DEMO_LOGINS, DEMO_PASSWORD


class Command(BaseCommand):
    help = (
        "Create realistic, reproducible demo data: the demo logins, firms in the coastal and inland clusters, "
        "virtual clusters and memberships, then whatever the other domains' builders add."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--firms",
            type=int,
            default=DEFAULT_FIRMS,
            help=f"How many firms (default {DEFAULT_FIRMS}; 100000 for a load test).",
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help="Random seed; the same seed gives the same data."
        )
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if the demo data already exist.")
        parser.add_argument(
            "--reset", action="store_true", help="Empty the WHOLE database (manage.py flush) first, then build."
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bars.")
        stages = demo_stages()
        names = [stage.name for stage in stages]
        parser.add_argument(
            "--only",
            nargs="+",
            choices=names,
            metavar="STAGE",
            help="Build only these stages (include the earlier stages they rely on): " + ", ".join(names) + ".",
        )
        for stage in stages:
            if stage.add_arguments is not None:
                stage.add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["firms"] < len(ANCHORS):
            raise CommandError(f"--firms must be at least {len(ANCHORS)} (the hand-made firms of the demo).")
        if options["reset"]:
            self.stdout.write("Emptying the database…")
            call_command("flush", interactive=False, verbosity=0)
        elif demo_data_exists():
            if options["if_empty"]:
                if options["verbosity"] > 0:
                    self.stdout.write("Demo data already present; nothing to do.")
                return
            raise CommandError("Demo data already exist: use --reset to rebuild them or --if-empty to skip.")

        verbose = options["verbosity"] > 0
        ctx = DemoContext(
            seed=options["seed"],
            firms=options["firms"],
            options=options,
            stages=options["only"],
            show_progress=verbose and not options["no_progress"],
            log=(lambda message: self.stdout.write(message)) if verbose else (lambda message: None),
        )
        started = time.monotonic()
        build_all(ctx)
        if verbose:
            counts = ", ".join(f"{len(ids)} {name}" for name, ids in ctx.ids.items())
            self.stdout.write(self.style.SUCCESS(f"Demo data built in {time.monotonic() - started:.1f} s: {counts}."))
            self.stdout.write(f"Demo logins (password {DEMO_PASSWORD}):")
            for email, who in DEMO_LOGINS:
                self.stdout.write(f"  {email:38} {who}")
