"""Ideation: the sponsor's sealed-or-open choice, short ideas, and in open ideation comments and
supports; the sponsor merges duplicates, and the surviving idea keeps every merged author's credit."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.events import publish
from platform_.identity.models import Firm, User
from platform_.notifications.messages import Message
from platform_.notifications.services import notify
from projects import selectors, selectors_types
from projects.models import Project, ProjectKind, ProjectStatus
from projects.models_types import (
    COMMENT_MAX_LENGTH,
    IDEA_MAX_LENGTH,
    Idea,
    IdeaComment,
    IdeaCredit,
    IdeaSupport,
    Ideation,
)
from projects.services._shared import _lock, _people, _require_member, _require_off_panel, _require_sponsor_manager

S = ProjectStatus
MERGEABLE = (S.OPEN, S.CLOSED, S.JUDGING)


def _require_ideation(project: Project) -> None:
    if project.kind != ProjectKind.IDEATION:
        raise Conflict(_("This project does not collect ideas."), code="wrong_type")


def _credited_people(idea: Idea) -> list[User]:
    return _people(idea.credits.values_list("firm_id", flat=True))


@transaction.atomic
def ideation_set(*, project: Project, by: User, open: bool) -> Ideation:
    """The sponsor chooses sealed or open ideation while the project is a draft (participants join
    knowing whether others will read their ideas)."""
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    _require_ideation(project)
    if project.status != S.DRAFT:
        raise Conflict(_("Sealed or open ideation is chosen while the project is a draft."))
    ideation, _created = Ideation.objects.update_or_create(project=project, defaults={"open": open, "set_by": by})
    audit_record(actor=by, action="project.ideation_set", target=project, firm=project.sponsor_id, data={"open": open})
    return ideation


def _require_participant(*, project: Project, by: User, firm: Firm | None) -> Firm:
    firm = _require_member(firm=firm, by=by)
    if selectors.acceptance_of(firm=firm, project=project) is None:
        raise NotAllowed(_("Accept the terms first."))
    return firm


def _check_text(text: str, *, limit: int, field: str, empty: str) -> str:
    text = text.strip()
    if not text:
        raise DomainError(empty, field=field)
    if len(text) > limit:
        raise DomainError(
            _("Keep it short: at most %(limit)s characters (this has %(length)s).")
            % {"limit": limit, "length": len(text)},
            field=field,
        )
    return text


@transaction.atomic
def idea_submit(*, project: Project, by: User, firm: Firm | None, title: str, text: str) -> Idea:
    """A participating firm submits a short idea while the project is open and before the deadline."""
    project = _lock(project)
    _require_ideation(project)
    firm = _require_participant(project=project, by=by, firm=firm)
    if project.status != S.OPEN or timezone.now() >= project.deadline:
        raise Conflict(_("Ideas are no longer accepted: the project is closed."), code="deadline_passed")
    _require_off_panel(project=project, firm_ids=[firm.pk])
    title = _check_text(title, limit=120, field="title", empty=_("Give the idea a title."))
    text = _check_text(text, limit=IDEA_MAX_LENGTH, field="text", empty=_("Describe the idea."))
    idea = Idea.objects.create(project=project, firm=firm, author=by, title=title, text=text)
    IdeaCredit.objects.create(idea=idea, firm=firm, user=by)
    audit_record(actor=by, action="project.idea_submit", target=idea, firm=firm, data={"project": project.pk})
    notify(
        recipients=_people([firm.pk]),
        kind="project.idea_received",
        title=Message(gettext_noop("Idea received for “%(title)s”"), title=project.title),
        url=project.get_absolute_url() + "ideas/",
        data={"project": project.pk, "idea": idea.pk},
        exclude=by,
    )
    publish("idea.submitted", project_id=project.pk, idea_id=idea.pk, sponsor_firm_id=project.sponsor_id)
    return idea


def _require_engaging(*, idea: Idea, by: User, firm: Firm | None) -> tuple[Project, Firm]:
    project = idea.project
    _require_ideation(project)
    if not selectors_types.ideation_is_open(project=project):
        raise NotAllowed(_("Ideation is sealed: participants do not see each other's ideas."))
    firm = _require_participant(project=project, by=by, firm=firm)
    if project.status != S.OPEN:
        raise Conflict(_("The project is no longer open."))
    if idea.merged_into_id is not None:
        raise Conflict(_("This idea was merged into another; respond to that one."))
    return project, firm


@transaction.atomic
def idea_comment(*, idea: Idea, by: User, firm: Firm | None, text: str) -> IdeaComment:
    """In open ideation a participant comments on an idea; the idea's credited firms are told."""
    idea = Idea.objects.select_related("project").get(pk=idea.pk)
    project, firm = _require_engaging(idea=idea, by=by, firm=firm)
    text = _check_text(text, limit=COMMENT_MAX_LENGTH, field="text", empty=_("Write your comment."))
    comment = IdeaComment.objects.create(idea=idea, firm=firm, author=by, text=text)
    audit_record(actor=by, action="project.idea_comment", target=comment, firm=firm, data={"idea": idea.pk})
    notify(
        recipients=_credited_people(idea),
        kind="project.idea_comment",
        title=Message(gettext_noop("New comment on your idea “%(title)s”"), title=idea.title),
        url=project.get_absolute_url() + "ideas/",
        data={"project": project.pk, "idea": idea.pk},
        exclude=by,
    )
    return comment


@transaction.atomic
def idea_support(*, idea: Idea, by: User, firm: Firm | None) -> IdeaSupport:
    """In open ideation a participant supports an idea: once per person, never their own firm's idea."""
    idea = Idea.objects.select_related("project").get(pk=idea.pk)
    project, firm = _require_engaging(idea=idea, by=by, firm=firm)
    own_firms = set(by.firm_memberships.values_list("firm_id", flat=True))
    if own_firms & set(idea.credits.values_list("firm_id", flat=True)):
        raise NotAllowed(_("You cannot support your own firm's idea."), code="own_idea")
    try:
        with transaction.atomic():
            support = IdeaSupport.objects.create(idea=idea, user=by, firm=firm)
    except IntegrityError as error:
        raise Conflict(_("You already support this idea."), code="already_supported") from error
    audit_record(actor=by, action="project.idea_support", target=idea, firm=firm, data={"project": project.pk})
    notify(
        recipients=_credited_people(idea),
        kind="project.idea_support",
        title=Message(gettext_noop("Your idea “%(title)s” has a new supporter"), title=idea.title),
        url=project.get_absolute_url() + "ideas/",
        data={"project": project.pk, "idea": idea.pk},
    )
    return support


@transaction.atomic
def idea_merge(*, idea: Idea, by: User, duplicates: Sequence[Idea]) -> Idea:
    """The sponsor merges duplicates into ``idea``: each duplicate's credited firms are credited on the
    surviving idea, its supports move there (a person counts once, and never for their own idea), and
    the duplicate stays on record pointing at the survivor. Audited; every credited firm is told."""
    project = _lock(idea.project)
    _require_sponsor_manager(project=project, by=by)
    _require_ideation(project)
    if project.status not in MERGEABLE:
        raise Conflict(_("Ideas can be merged while the project is open, closed or being judged."))
    survivor = Idea.objects.select_for_update().get(pk=idea.pk)
    if survivor.merged_into_id is not None:
        raise Conflict(_("This idea was itself merged: merge into the idea that absorbed it."))
    ids = sorted({d.pk for d in duplicates} - {survivor.pk})
    if not ids:
        raise DomainError(_("Choose at least one other idea to merge."), field="duplicates")
    merged = list(Idea.objects.select_for_update().filter(pk__in=ids, project=project, merged_into__isnull=True))
    if len(merged) != len(ids):
        raise DomainError(_("Choose standing ideas of this project."), field="duplicates")
    now = timezone.now()
    for duplicate in merged:
        for credit in IdeaCredit.objects.filter(idea=duplicate):
            IdeaCredit.objects.get_or_create(
                idea=survivor, firm_id=credit.firm_id, defaults={"user_id": credit.user_id, "via": duplicate}
            )
        # Older merges into the duplicate now point at the survivor too.
        Idea.objects.filter(merged_into=duplicate).update(merged_into=survivor)
        duplicate.merged_into = survivor
        duplicate.merged_at = now
        duplicate.save(update_fields=["merged_into", "merged_at"])
    credited = set(IdeaCredit.objects.filter(idea=survivor).values_list("firm_id", flat=True))
    already = set(IdeaSupport.objects.filter(idea=survivor).values_list("user_id", flat=True))
    for support in IdeaSupport.objects.filter(idea__in=merged).order_by("id"):
        if support.user_id in already or support.firm_id in credited:
            support.delete()
            continue
        support.idea = survivor
        support.save(update_fields=["idea"])
        already.add(support.user_id)
    # A supporter whose firm is now credited would be supporting its own idea.
    IdeaSupport.objects.filter(idea=survivor, firm_id__in=credited).delete()
    audit_record(
        actor=by,
        action="project.idea_merge",
        target=survivor,
        firm=project.sponsor_id,
        data={"project": project.pk, "merged": ids, "credited_firms": sorted(credited)},
    )
    notify(
        recipients=_people(credited),
        kind="project.idea_merge",
        title=Message(
            gettext_noop("Ideas were merged into “%(title)s”; your firm stays credited"), title=survivor.title
        ),
        url=project.get_absolute_url() + "ideas/",
        data={"project": project.pk, "idea": survivor.pk},
        exclude=by,
    )
    publish(
        "idea.merged",
        project_id=project.pk,
        idea_id=survivor.pk,
        merged_idea_ids=ids,
        audience_firm_ids=sorted(credited | {project.sponsor_id}),
    )
    return survivor
