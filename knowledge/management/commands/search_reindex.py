"""Recompute every asset's search document, vectors and translations in this process, with a progress bar."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from knowledge.models import Asset
from knowledge.search import index_asset


class Command(BaseCommand):
    help = (
        "Re-index every knowledge asset (after a change to segmentation, the glossary or the translation "
        "tables; the same work as the asset_reindex task)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        ids = list(Asset.objects.order_by("pk").values_list("pk", flat=True))
        for asset_id in tqdm(ids, unit="asset", disable=opts["no_progress"], desc="search"):
            index_asset(asset_id)
        self.stdout.write(f"{len(ids)} assets re-indexed")
