"""Sealed entries: submission before the deadline and the receipts solvers keep."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from knowledge.files import UploadRefused, check_upload
from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.events import publish
from platform_.identity.models import Firm, User
from platform_.notifications.messages import Message
from platform_.notifications.services import notify
from platform_.outage import file_store_writes
from projects import selectors, selectors_rounds
from projects.models import (
    Entry,
    EntryFile,
    EntryVersion,
    Project,
    ProjectKind,
    ProjectStatus,
    Team,
    TeamFirm,
    TermsAcceptance,
)
from projects.services._shared import _people, _require_member, _require_off_panel

S = ProjectStatus


class DeadlinePassed(Conflict):
    code = "deadline_passed"

    def __init__(self, message: Any, *, at: datetime) -> None:
        super().__init__(message)
        self.at = at


@dataclass
class _Upload:
    source: File
    name: str
    size: int
    sha256: str


def _hash_upload(upload: UploadedFile) -> _Upload:
    digest = hashlib.sha256()
    size = 0
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)
    name = (upload.name or "file").rsplit("/", 1)[-1][:200]
    return _Upload(source=upload, name=name, size=size, sha256=digest.hexdigest())


def _check_entry_file(upload: UploadedFile) -> _Upload:
    """Entry files follow the assets' upload policy (``knowledge.files.check_upload``): the type is
    read from the content and must match the name, no HTML, SVG or scripts, within the size limit.
    What is stored is exactly the bytes that were checked."""
    try:
        checked = check_upload(upload)
    except UploadRefused as error:
        raise UploadRefused(
            _("%(name)s: %(reason)s") % {"name": (upload.name or "")[:200], "reason": error.message}, field="files"
        ) from error
    return _Upload(source=ContentFile(checked.content), name=checked.name, size=checked.size, sha256=checked.sha256)


def _receipt_body(version: EntryVersion, files: Sequence[tuple[str, int, str]], project_id: int) -> dict[str, Any]:
    return {
        "project": project_id,
        "entry": version.entry_id,
        "version": version.number,
        "submitted_at": version.submitted_at.isoformat(),
        "description_sha256": hashlib.sha256(version.description.encode()).hexdigest(),
        "files": [{"name": n, "size": s, "sha256": h} for n, s, h in sorted(files, key=lambda f: (f[2], f[0]))],
    }


def _digest(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _sign(digest: str) -> str:
    return salted_hmac("projects.entry-receipt", digest, algorithm="sha256").hexdigest()


def receipt_for(*, version: EntryVersion) -> dict[str, Any]:
    """The receipt a solver keeps: what was received and when, its SHA-256 and the platform's seal."""
    files = [(f.name, f.size, f.sha256) for f in version.files.all()]
    body = _receipt_body(version, files, version.entry.project_id)
    return {**body, "digest": version.digest, "seal": _sign(version.digest)}


def _db_now() -> datetime:
    """The database's clock at the start of the transaction: the moment the submission arrived."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT now()")
        return cursor.fetchone()[0]


def entry_submit(
    *,
    project: Project,
    by: User,
    firm: Firm | None,
    files: Sequence[UploadedFile],
    description: str = "",
    title: str = "",
    cited_assets: Iterable[Any] = (),
) -> EntryVersion:
    """Add a version to the firm's team's entry (making a one-firm team and the entry if needed).

    The arrival time is the database clock at the start of the transaction; the project row is
    held FOR SHARE, so a transition (closing, judging) waits for submissions in flight and the
    status cannot change under them, while submissions of different teams run side by side.
    Anything that arrives at or after the deadline is refused.
    """
    firm = _require_member(firm=firm, by=by)
    if not files:
        raise DomainError(_("Attach at least one file."), field="files")
    uploads = [_check_entry_file(upload) for upload in files]
    stored: list[str] = []
    try:
        with transaction.atomic():
            version = _entry_submit_locked(
                project_id=project.pk,
                by=by,
                firm=firm,
                uploads=uploads,
                description=description,
                title=title,
                cited_assets=cited_assets,
                stored=stored,
            )
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise
    return version


def _entry_submit_locked(
    *,
    project_id: int,
    by: User,
    firm: Firm,
    uploads: list[_Upload],
    description: str,
    title: str,
    cited_assets: Iterable[Any],
    stored: list[str],
) -> EntryVersion:
    arrived = _db_now()
    rows = list(Project.objects.raw("SELECT * FROM projects_project WHERE id = %s FOR SHARE", [project_id]))
    if not rows:
        raise NotFound(_("Project not found."))
    project = rows[0]
    if project.status not in (S.OPEN, S.CLOSED) or arrived >= project.deadline:
        local = timezone.localtime(project.deadline)
        raise DeadlinePassed(
            _("Entries closed at %(deadline)s; this one arrived at %(arrived)s and was not accepted.")
            % {
                "deadline": local.strftime("%Y-%m-%d %H:%M:%S %Z"),
                "arrived": timezone.localtime(arrived).strftime("%Y-%m-%d %H:%M:%S %Z"),
            },
            at=arrived,
        )
    if project.kind != ProjectKind.DESIGN:
        raise Conflict(_("This project takes ideas or proposals, not design entries."), code="wrong_type")
    if not TermsAcceptance.objects.filter(project_id=project_id, firm=firm).exists():
        raise NotAllowed(_("Accept the terms before submitting."))
    team = selectors.team_of(firm=firm, project=project)
    if team is None:
        try:
            with transaction.atomic():  # two first submissions of one firm race to make its team
                team = Team.objects.create(project=project, name=firm.name, lead=firm, created_by=by)
                TeamFirm.objects.create(project=project, team=team, firm=firm, share=Decimal(1))
        except IntegrityError:
            team = selectors.team_of(firm=firm, project=project)
            if team is None:
                raise
    _require_off_panel(project=project, firm_ids=team.members.values_list("firm_id", flat=True))
    if project.phase_number > 1 and not Entry.objects.filter(team=team).exists():
        raise NotAllowed(_("Only shortlisted teams submit in this phase."), code="not_shortlisted")
    entry, _created = Entry.objects.get_or_create(
        team=team, defaults={"project": project, "title": title.strip() or team.name}
    )
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if not selectors_rounds.may_enter_phase(project=project, entry=entry):
        raise NotAllowed(_("Only shortlisted teams submit in this phase."), code="not_shortlisted")
    if title.strip() and title.strip() != entry.title:
        entry.title = title.strip()
        entry.save(update_fields=["title"])
    last = entry.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = EntryVersion(
        entry=entry,
        number=last + 1,
        description=description,
        submitted_by=by,
        submitted_at=arrived,
        phase_number=project.phase_number,
    )
    body = _receipt_body(version, [(u.name, u.size, u.sha256) for u in uploads], project.pk)
    version.digest = _digest(body)
    version.save()
    for upload in uploads:
        row = EntryFile(version=version, name=upload.name, size=upload.size, sha256=upload.sha256)
        # A failing store: a clear 503; ``entry_submit`` removes every file stored so far and the rows roll back.
        with file_store_writes():
            row.file.save(upload.name, upload.source, save=False)
        stored.append(cast(str, row.file.name))  # set by the save just above
        row.save()
    cited = list(cited_assets)
    if cited:
        entry.cited_assets.add(*cited)
    firm_ids = list(team.members.values_list("firm_id", flat=True))
    notify(
        recipients=_people(firm_ids),
        kind="project.entry_received",
        title=Message(
            gettext_noop("Entry received: version %(number)s of “%(title)s”"),
            number=version.number,
            title=project.title,
        ),
        url=entry.get_absolute_url(),
        data={"project": project.pk, "entry": entry.pk},
    )
    publish("entry.submitted", project_id=project.pk, entry_id=entry.pk, version=version.number, team_firm_ids=firm_ids)
    return version


@dataclass
class ReceiptCheck:
    receipt_valid: bool
    matches: bool
    message: str
    version: EntryVersion | None = None


def receipt_verify(*, receipt: dict[str, Any] | str, file: UploadedFile) -> ReceiptCheck:
    """Does this file match this receipt, and is the receipt one the platform issued?"""
    try:
        data = json.loads(receipt) if isinstance(receipt, str | bytes) else dict(receipt)
        digest, seal = str(data["digest"]), str(data["seal"])
        body = {
            key: data[key] for key in ("project", "entry", "version", "submitted_at", "description_sha256", "files")
        }
    except (ValueError, TypeError, KeyError):
        return ReceiptCheck(False, False, _("This is not a receipt of the platform."))
    if _digest(body) != digest or not hmac.compare_digest(_sign(digest), seal):
        return ReceiptCheck(False, False, _("The receipt was altered or not issued by the platform."))
    version = EntryVersion.objects.filter(entry_id=body["entry"], number=body["version"], digest=digest).first()
    if version is None or parse_datetime(str(body["submitted_at"])) != version.submitted_at:
        return ReceiptCheck(False, False, _("The platform holds no such version."))
    upload = _hash_upload(file)
    listed = {f.get("sha256") for f in body["files"] if isinstance(f, dict)}
    stored = set(version.files.values_list("sha256", flat=True))
    if upload.sha256 in listed and upload.sha256 in stored:
        return ReceiptCheck(
            True,
            True,
            _("The file matches version %(number)s, received at %(at)s.")
            % {
                "number": version.number,
                "at": timezone.localtime(version.submitted_at).strftime("%Y-%m-%d %H:%M:%S %Z"),
            },
            version,
        )
    return ReceiptCheck(True, False, _("The file does not match this receipt."), version)
