"""In a real browser: an owner asks for the export, the progress bar moves while a real worker builds it,
and the page offers the download when it is done."""

from __future__ import annotations

from typing import Any

import pytest

from portability.models import DataExport
from tests.factories import firm_with_owner
from tests.knowledge.test_browser import _signed_in
from tests.spillover.test_tasks import worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_progress_bar_moves_and_the_download_appears(
    page_factory: Any, live_server: Any, export_queue: str
) -> None:
    firm, owner = firm_with_owner(name_en="Browser Looms")
    process = worker(export_queue, PORTABILITY_STEP_PAUSE="0.3")
    try:
        page = _signed_in(page_factory, live_server, owner)
        page.goto(f"{live_server.url}/firms/{firm.pk}/")
        page.click("[data-testid=firm-export]")
        page.click("[data-testid=export-request]")
        export = DataExport.objects.get(firm=firm)
        row = page.locator(f"[data-testid=export-{export.pk}]")
        page.wait_for_function(
            "id => { const p = document.querySelector(`[data-testid=export-${id}] progress`);"
            " return p && p.value > 0 && p.value < 1; }",
            arg=export.pk,
            timeout=30000,
        )
        row.get_by_role("link").wait_for(timeout=60000)
        assert row.get_attribute("data-state") == "complete"
        assert row.get_by_role("link").get_attribute("href") == f"/portability/{export.pk}/download/"
    finally:
        process.terminate()
        process.wait(timeout=20)
        for export in DataExport.objects.filter(firm=firm):
            if export.file:
                export.file.storage.delete(str(export.file.name))
