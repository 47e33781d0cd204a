"""A real Celery worker builds the export; the page's status endpoint reports progress, then completion."""

from __future__ import annotations

import hashlib
import io
import json
import time
import zipfile

import pytest
from django.urls import reverse

from portability.models import DataExport
from tests.portability.world import build_world
from tests.spillover.test_tasks import worker  # the one way tests start a real worker on a queue


@pytest.mark.django_db(transaction=True)
def test_a_worker_builds_the_export_and_the_status_endpoint_shows_progress_then_completion(client, export_queue):
    world = build_world()
    process = worker(export_queue, PORTABILITY_STEP_PAUSE="0.4")
    export = None
    try:
        client.force_login(world.owner)
        assert client.post(reverse("portability:request", args=[world.firm.pk])).status_code == 302
        export = DataExport.objects.get(firm=world.firm)
        seen: list[dict] = []
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            status = client.get(reverse("portability:status", args=[export.pk])).json()
            seen.append(status)
            if status["status"] in ("complete", "failed"):
                break
            time.sleep(0.1)
        assert seen[-1]["status"] == "complete", seen[-1]
        assert any(s["status"] == "running" and 0 < s["progress"] < 1 for s in seen)
        progress = [s["progress"] for s in seen]
        assert progress == sorted(progress)
        assert seen[-1]["progress"] == 1
        assert seen[-1]["download_url"]

        response = client.get(seen[-1]["download_url"])
        assert response.status_code == 200
        archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
        manifest = json.loads(archive.read("manifest.json"))
        assert all(hashlib.sha256(archive.read(f["path"])).hexdigest() == f["sha256"] for f in manifest["files"])
    finally:
        process.terminate()
        process.wait(timeout=20)
        if export is not None:
            export.refresh_from_db()
            if export.file:
                export.file.storage.delete(str(export.file.name))
