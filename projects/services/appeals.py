"""Appeals: a solver contests its entry's published scores within the challenge's window; the panel
answers; an upheld appeal lets the judges revise their scores, old and new kept in the audit trail."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from knowledge.files import UploadRefused, check_upload
from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.events import publish
from platform_.identity.models import Firm, User
from platform_.notifications.messages import Message
from platform_.notifications.services import notify
from platform_.outage import file_store_writes
from projects import selectors, selectors_rounds
from projects.models import Entry, Project, ProjectStatus, Score
from projects.models_rounds import Appeal, AppealStatus
from projects.services._shared import _lock, _people, _require_member, _sponsor_people

S = ProjectStatus


def _panel_people(project: Project) -> list[User]:
    return _sponsor_people(project) + [judge.user for judge in project.judges.select_related("user")]


def _team_people(entry: Entry) -> list[User]:
    return _people(entry.team.members.values_list("firm_id", flat=True))


@transaction.atomic
def appeal_file(
    *,
    project: Project,
    by: User,
    firm: Firm | None,
    entry: Entry,
    reason: str,
    attachment: UploadedFile | None = None,
) -> Appeal:
    """A person of a team firm appeals the entry's published scores, within the window that opens
    when the scores are published (``Project.appeal_window_hours``) and before the award."""
    firm = _require_member(firm=firm, by=by)
    project = _lock(project)
    if entry.project_id != project.pk or not entry.team.members.filter(firm=firm).exists():
        raise NotFound(_("Entry not found."))
    deadline = selectors_rounds.appeal_deadline(project=project)
    if deadline is None or project.status != S.JUDGING:
        raise Conflict(_("Appeals open when the scores are published."))
    if timezone.now() > deadline:
        raise Conflict(
            _("The window for appeals closed at %(deadline)s.")
            % {"deadline": timezone.localtime(deadline).strftime("%Y-%m-%d %H:%M %Z")},
            code="appeal_window_closed",
        )
    if not reason.strip():
        raise DomainError(_("Give a reason."), field="reason")
    if Appeal.objects.filter(entry=entry, phase_number=project.phase_number, status=AppealStatus.PENDING).exists():
        raise Conflict(_("This entry already has an appeal waiting for the panel."))
    appeal = Appeal(project=project, entry=entry, phase_number=project.phase_number, filed_by=by, reason=reason.strip())
    if attachment is not None:
        try:
            checked = check_upload(attachment)
        except UploadRefused as error:
            raise UploadRefused(error.message, field="attachment") from error
        appeal.attachment_sha256 = checked.sha256
        with file_store_writes():  # a failing store: a clear 503; nothing was written
            appeal.attachment.save(checked.name, ContentFile(checked.content), save=False)
    try:
        appeal.save()
    except Exception:
        if appeal.attachment:
            appeal.attachment.storage.delete(appeal.attachment.name or "")
        raise
    audit_record(actor=by, action="project.appeal_file", target=appeal, firm=project.sponsor_id, reason=appeal.reason)
    notify(
        recipients=_panel_people(project),
        kind="project.appeal",
        title=Message(gettext_noop("Appeal filed: “%(entry)s” in “%(title)s”"), entry=entry.title, title=project.title),
        body=appeal.reason,
        url=project.get_absolute_url() + "#appeals",
        data={"project": project.pk, "appeal": appeal.pk},
        exclude=by,
    )
    publish("appeal.filed", project_id=project.pk, appeal_id=appeal.pk, entry_id=entry.pk)
    return appeal


def _require_panel(*, project: Project, by: User) -> None:
    if not (selectors.is_sponsor_manager(user=by, project=project) or selectors.judge_of(user=by, project=project)):
        raise NotAllowed(_("Only the sponsor's owners or administrators and the judges answer appeals."))


@transaction.atomic
def appeal_decide(*, project: Project, by: User, appeal: Appeal, upheld: bool, answer: str) -> Appeal:
    """The panel (the sponsor's owners or administrators, or a judge) upholds or rejects an appeal,
    with a written answer."""
    project = _lock(project)
    _require_panel(project=project, by=by)
    appeal = Appeal.objects.select_for_update().select_related("entry__team").get(pk=appeal.pk)
    if appeal.project_id != project.pk:
        raise NotFound(_("Appeal not found."))
    judge = selectors.judge_of(user=by, project=project)
    if (
        judge is not None
        and not selectors.is_sponsor_manager(user=by, project=project)
        and selectors.conflicts_of(judge=judge, team=appeal.entry.team)
    ):
        raise NotAllowed(
            _("You have a conflict of interest with this team and may not answer its appeal."),
            code="conflict_of_interest",
        )
    if appeal.status != AppealStatus.PENDING:
        raise Conflict(_("This appeal has been decided."))
    if project.status != S.JUDGING:
        raise Conflict(_("The project is not being judged."))
    if not answer.strip():
        raise DomainError(_("Answer the appeal."), field="answer")
    appeal.status = AppealStatus.UPHELD if upheld else AppealStatus.REJECTED
    appeal.answer = answer.strip()
    appeal.decided_by = by
    appeal.decided_at = timezone.now()
    appeal.save(update_fields=["status", "answer", "decided_by", "decided_at"])
    audit_record(
        actor=by,
        action="project.appeal_decide",
        target=appeal,
        firm=project.sponsor_id,
        reason=appeal.answer,
        data={"status": appeal.status},
    )
    entry = appeal.entry
    notify(
        recipients=_team_people(entry) + _panel_people(project),
        kind="project.appeal_decided",
        title=Message(
            gettext_noop("Appeal upheld: “%(entry)s”") if upheld else gettext_noop("Appeal rejected: “%(entry)s”"),
            entry=entry.title,
        ),
        body=appeal.answer,
        url=entry.get_absolute_url(),
        data={"project": project.pk, "appeal": appeal.pk},
        exclude=by,
    )
    publish(
        "appeal.decided",
        project_id=project.pk,
        appeal_id=appeal.pk,
        entry_id=entry.pk,
        status=appeal.status,
        team_firm_ids=list(entry.team.members.values_list("firm_id", flat=True)),
    )
    return appeal


@transaction.atomic
def score_revise(*, project: Project, by: User, entry: Entry, values: dict[int, Any]) -> list[Score]:
    """After an upheld appeal, a judge revises their published scores of that entry; each change is
    audited with the old and the new value, the ranking follows, and everyone concerned is told."""
    project = _lock(project)
    judge = selectors.judge_of(user=by, project=project)
    if judge is None:
        raise NotAllowed(_("Only the project's judges may do this."))
    if project.status != S.JUDGING or project.panel_closed_at is None:
        raise Conflict(_("Scores are revised after they are published, before the award."))
    appeal = Appeal.objects.filter(
        project=project, entry=entry, phase_number=project.phase_number, status=AppealStatus.UPHELD
    ).last()
    if appeal is None:
        raise Conflict(_("Scores are revised only after an upheld appeal."), code="no_upheld_appeal")
    scores = {
        score.criterion_id: score
        for score in Score.objects.select_for_update().filter(
            judge=judge, entry=entry, phase_number=project.phase_number
        )
    }
    if not scores:
        raise Conflict(_("You did not score this entry."))
    criteria = {c.pk: c for c in project.criteria.all()}
    if not values:
        raise DomainError(_("Give a score."), field="values")
    old, new = {}, {}
    for criterion_id, value in values.items():
        criterion = criteria.get(int(criterion_id))
        score = scores.get(int(criterion_id))
        if criterion is None or score is None:
            raise DomainError(_("Unknown criterion."), field="values")
        try:
            value = int(value)
        except (TypeError, ValueError) as error:
            raise DomainError(_("Scores are whole numbers."), field="values") from error
        if not criterion.scale_min <= value <= criterion.scale_max:
            raise DomainError(
                _("“%(name)s” is scored from %(low)s to %(high)s.")
                % {"name": criterion.name, "low": criterion.scale_min, "high": criterion.scale_max},
                field="values",
            )
        if score.value != value:
            old[str(criterion.pk)], new[str(criterion.pk)] = score.value, value
            score.value = value
            score.save(update_fields=["value", "scored_at"])
    audit_record(
        actor=by,
        action="project.score_revise",
        target=entry,
        firm=project.sponsor_id,
        reason=appeal.answer,
        data={"appeal": appeal.pk, "judge": judge.pk, "old": old, "new": new},
    )
    notify(
        recipients=_team_people(entry) + _panel_people(project),
        kind="project.score_revised",
        title=Message(gettext_noop("Scores revised after an appeal: “%(entry)s”"), entry=entry.title),
        url=project.get_absolute_url() + "#ranking",
        data={"project": project.pk, "appeal": appeal.pk},
        exclude=by,
    )
    publish("scores.revised", project_id=project.pk, entry_id=entry.pk)
    return list(scores.values())
