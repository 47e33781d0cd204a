"""A recompute followed in a real browser: queued, then the new run's progress and figures, without a reload."""

from __future__ import annotations

from typing import Any

import pytest

from spillover import selectors, services
from tests.factories import UserFactory
from tests.spillover.factories import add_events, build_world
from tests.spillover.test_browser import session_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_dashboard_follows_a_queued_recompute_to_its_new_figures(live_server: Any, page_factory: Any) -> None:
    world = build_world(7, n_firms=6, n_assets=6)
    add_events(world, 60)
    services.run_compute(run_id=services.run_start().pk)
    old = selectors.latest_run()
    assert old is not None
    admin = UserFactory.create(is_staff=True)
    page = session_page(page_factory, live_server, admin)
    # Where "Recompute now" lands: the newest run then is the old one, already complete.
    page.goto(f"{live_server.url}/spillover/?queued={old.pk}")
    status = page.locator("#run-status [data-field=status]")
    assert status.get_attribute("data-state") == "queued"
    assert "已排队" in status.inner_text()  # not the old run shown as done
    page.wait_for_timeout(2500)  # a poll or two: still queued while no newer run exists
    assert status.get_attribute("data-state") == "queued"

    new = services.run_start()  # a worker picks the task up...
    services.run_compute(run_id=new.pk)  # ...and finishes it
    page.wait_for_url(f"{live_server.url}/spillover/", timeout=20_000)  # reloaded without ?queued
    assert f"#{new.pk}" in page.locator("[data-testid=run-status]").inner_text()
    assert page.locator("#run-status [data-field=status]").get_attribute("data-state") == "complete"
