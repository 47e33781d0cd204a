"""Many entries at once around the deadline, from threads with their own database connections."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from projects import services
from projects.models import EntryFile, EntryVersion, Project, ProjectStatus
from tests.projects.factories import open_project, solver, upload

SUBMISSIONS = 200
SAME_FIRM = 20  # of which this many come from one firm, racing to make its team and number versions
WORKERS = 32  # connections: the shared server allows 100 in all


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_entries_around_the_deadline_are_all_accepted_before_and_refused_after():
    project, _sponsor = open_project()
    firms = [solver(project) for _ in range(SUBMISSIONS - SAME_FIRM + 1)]
    plan = [firms[i] for i in range(SUBMISSIONS - SAME_FIRM)] + [firms[-1]] * SAME_FIRM
    spread = 2.0  # seconds over which the submissions are sent; the deadline falls in the middle
    start = time.monotonic() + 0.5
    deadline = timezone.now() + timedelta(seconds=0.5 + spread / 2)
    Project.objects.filter(pk=project.pk).update(deadline=deadline)
    results: list[tuple[str, Any]] = []
    lock = threading.Lock()

    def send(index: int) -> None:
        firm, owner = plan[index]
        time.sleep(max(0.0, start + spread * index / SUBMISSIONS - time.monotonic()))
        try:
            version = services.entry_submit(
                project=project, by=owner, firm=firm, files=[upload(f"entry {index}".encode(), f"e{index}.txt")]
            )
            outcome: tuple[str, Any] = ("accepted", version.pk)
        except services.DeadlinePassed as refused:
            outcome = ("refused", refused.at)
        except Exception as error:  # anything else is a lost entry
            outcome = ("error", repr(error))
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    def close_at_deadline() -> None:
        time.sleep(max(0.0, start + spread / 2 - time.monotonic()))
        while True:
            services.projects_close_due()
            if Project.objects.get(pk=project.pk).status == ProjectStatus.CLOSED:
                break
            time.sleep(0.01)
        connection.close()

    closer = threading.Thread(target=close_at_deadline)
    closer.start()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(send, range(SUBMISSIONS)))
    closer.join()

    assert len(results) == SUBMISSIONS
    errors = [detail for kind, detail in results if kind == "error"]
    assert errors == []
    accepted = [detail for kind, detail in results if kind == "accepted"]
    refused = [detail for kind, detail in results if kind == "refused"]
    assert accepted, "the deadline must fall inside the burst"
    assert refused, "the deadline must fall inside the burst"
    stored = EntryVersion.objects.filter(entry__project=project)
    assert sorted(stored.values_list("pk", flat=True)) == sorted(accepted)
    assert all(at < deadline for at in stored.values_list("submitted_at", flat=True))
    assert all(at >= deadline for at in refused)
    assert EntryFile.objects.filter(version__entry__project=project).count() == len(accepted)
    numbers = list(stored.filter(entry__team__lead=firms[-1][0]).order_by("number").values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))
    assert Project.objects.get(pk=project.pk).status == ProjectStatus.CLOSED
