"""Writes for the data export: request it, build the ZIP, record each download, delete expired files."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import timedelta
from typing import IO, Any

from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platform_.audit.services import audit_record
from platform_.errors import Conflict, NotFound
from platform_.identity.models import Firm
from platform_.locks import advisory_lock_try
from portability import selectors
from portability.models import DataExport, ExportStatus

# How long a finished export may be downloaded before the clean-up deletes it.
EXPORT_LIFETIME = timedelta(days=7)
_CHUNK = 1024 * 1024


def export_request(*, firm: Firm | None, by: Any) -> DataExport:
    """Queue a new export of the firm's data; one at a time per firm (a running one is returned as a Conflict)."""
    firm = selectors.require_manager(user=by, firm=firm)
    with transaction.atomic():
        Firm.objects.select_for_update().filter(pk=firm.pk).first()
        building = DataExport.objects.filter(firm=firm, status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING])
        # A build left by a killed worker stops blocking after an hour (its task is redelivered anyway).
        if building.filter(created_at__gte=timezone.now() - timedelta(hours=1)).exists():
            raise Conflict(_("An export of this firm is already being built."), code="export_running")
        export = DataExport.objects.create(firm=firm, requested_by=by)
        audit_record(actor=by, action="portability.export_requested", target=export, firm=firm)
        transaction.on_commit(lambda: _queue(export.pk))
    return export


def _queue(export_id: int) -> None:
    from portability.tasks import build_export

    result = build_export.delay(export_id)
    DataExport.objects.filter(pk=export_id).update(task_id=result.id or "")


def _progress(export_id: int, stage: str, fraction: float) -> None:
    DataExport.objects.filter(pk=export_id).update(stage=stage, progress=min(max(fraction, 0.0), 1.0))


def _json_bytes(rows: Any) -> bytes:
    return json.dumps(rows, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode("utf-8")


class _Writer:
    """Writes members into the ZIP and notes each one's size and SHA-256 for the manifest."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.manifest: list[dict[str, Any]] = []

    def write_bytes(self, path: str, data: bytes) -> None:
        self.archive.writestr(path, data)
        self.manifest.append({"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})

    def write_stream(self, path: str, source: IO[bytes]) -> None:
        digest = hashlib.sha256()
        size = 0
        with self.archive.open(path, "w", force_zip64=True) as target:
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                target.write(chunk)
        self.manifest.append({"path": path, "size": size, "sha256": digest.hexdigest()})


def export_build(*, export_id: int, on_progress: Callable[[str, float], None] | None = None) -> DataExport:
    """Build the ZIP of one export: a JSON file per kind of record, the stored files, and manifest.json.

    Safe to run twice: a finished or expired export is left as it is; a second worker finds the build
    locked and leaves it (Conflict); a rerun of a queued, running or failed one (a worker killed
    mid-build) starts over, and the ZIP is stored only when complete.
    """
    with advisory_lock_try(f"portability-export:{export_id}") as held:
        if not held:
            raise Conflict(_("This export is already being built."), code="export_running")
        return _build_locked(export_id, on_progress)


def _build_locked(export_id: int, on_progress: Callable[[str, float], None] | None) -> DataExport:
    with transaction.atomic():
        export = DataExport.objects.select_for_update().filter(pk=export_id).first()
        if export is None:
            raise NotFound(_("No such export."))
        if export.status in (ExportStatus.COMPLETE, ExportStatus.EXPIRED):
            return export
        export.status = ExportStatus.RUNNING
        export.progress = 0.0
        export.error = ""
        export.save(update_fields=["status", "progress", "error"])

    def report(stage: str, fraction: float) -> None:
        _progress(export_id, stage, fraction)
        if on_progress is not None:
            on_progress(stage, fraction)

    try:
        stored = _write_zip(export, report)
    except Exception as error:
        DataExport.objects.filter(pk=export_id).update(status=ExportStatus.FAILED, error=repr(error)[:2000])
        raise
    now = timezone.now()
    with transaction.atomic():
        export = DataExport.objects.select_for_update().get(pk=export_id)
        export.file.name = stored["name"]
        export.size = stored["size"]
        export.sha256 = stored["sha256"]
        export.status = ExportStatus.COMPLETE
        export.progress = 1.0
        export.stage = "done"
        export.finished_at = now
        export.expires_at = now + EXPORT_LIFETIME
        export.save()
        audit_record(
            actor=None,
            action="portability.export_built",
            target=export,
            firm=export.firm_id,
            data={"size": stored["size"], "sha256": stored["sha256"]},
        )
    return export


def _write_zip(export: DataExport, report: Callable[[str, float], None]) -> dict[str, Any]:
    firm = Firm.objects.get(pk=export.firm_id)
    steps = len(selectors.COLLECTORS) + 1
    pause = float(os.environ.get("PORTABILITY_STEP_PAUSE", "0") or 0)  # progress drills in tests only
    with tempfile.TemporaryFile() as scratch:
        with zipfile.ZipFile(scratch, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            writer = _Writer(archive)
            for index, (name, records) in enumerate(selectors.export_records(firm=firm)):
                writer.write_bytes(name, _json_bytes(records.rows))
                for stored in records.files:
                    with stored.storage.open(stored.storage_name, "rb") as source:
                        writer.write_stream(stored.path, source)
                report(name.removesuffix(".json"), (index + 1) / steps)
                if pause:
                    time.sleep(pause)
            manifest = {
                "firm": firm.pk,
                "export": export.pk,
                "created_at": timezone.now(),
                "algorithm": "sha256",
                "files": writer.manifest,
            }
            archive.writestr("manifest.json", _json_bytes(manifest))
        scratch.seek(0)
        digest = hashlib.sha256()
        while chunk := scratch.read(_CHUNK):
            digest.update(chunk)
        size = scratch.tell()
        scratch.seek(0)
        stamp = timezone.now().strftime("%Y%m%d")
        name = export.file.field.generate_filename(export, f"firm-{firm.pk}-export-{stamp}.zip")
        saved = export.file.storage.save(name, File(scratch, name=name))
    return {"name": saved, "size": size, "sha256": digest.hexdigest()}


def export_download(*, export: DataExport, by: Any) -> DataExport:
    """Check that the export may be fetched now and audit the download; Gone-like Conflict once expired."""
    if export.status == ExportStatus.EXPIRED or (export.expires_at is not None and export.expires_at <= timezone.now()):
        raise ExportExpired(_("This export has expired. Request a new one."))
    if export.status != ExportStatus.COMPLETE or not export.file:
        raise Conflict(_("This export is not ready yet."), code="export_not_ready")
    audit_record(actor=by, action="portability.export_downloaded", target=export, firm=export.firm_id)
    return export


class ExportExpired(Conflict):
    """The export's file is past its lifetime (410 Gone on the download link)."""

    status_code = 410
    code = "export_expired"


def exports_expire() -> int:
    """Delete the files of exports past their lifetime and mark them expired; safe to run twice."""
    count = 0
    due = DataExport.objects.filter(expires_at__lte=timezone.now()).exclude(status=ExportStatus.EXPIRED)
    for export_id in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            export = DataExport.objects.select_for_update(skip_locked=True).filter(pk=export_id).first()
            if export is None or export.status == ExportStatus.EXPIRED:
                continue
            if export.file:
                export.file.storage.delete(export.file.name or "")
            export.file = ""
            export.status = ExportStatus.EXPIRED
            export.save(update_fields=["file", "status"])
            audit_record(actor=None, action="portability.export_expired", target=export, firm=export.firm_id)
            count += 1
    return count
