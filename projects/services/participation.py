"""Taking part: the terms, questions and answers, and solver teams."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.events import publish
from platform_.identity.models import Firm, User
from platform_.notifications.messages import Message, per_language
from platform_.notifications.services import notify
from projects import selectors
from projects.models import (
    InvitationStatus,
    Project,
    ProjectStatus,
    Question,
    Team,
    TeamFirm,
    TeamInvitation,
    TermsAcceptance,
)
from projects.services._shared import (
    _lock,
    _managers,
    _people,
    _require_member,
    _require_off_panel,
    _solver_people,
    _sponsor_people,
)

S = ProjectStatus


def terms_digest(project: Project) -> str:
    """What a solver accepts: the terms, the IP terms, the award and both parts of the brief."""
    text = json.dumps(
        [
            project.terms,
            project.ip_terms,
            str(project.award_amount),
            project.award_other,
            project.brief,
            project.confidential_brief,
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(text.encode()).hexdigest()


@transaction.atomic
def terms_accept(*, project: Project, by: User, firm: Firm | None) -> TermsAcceptance:
    """The firm accepts the terms: recorded with who, when and what (a digest of the terms)."""
    firm = _require_member(firm=firm, by=by, managing=True)
    project = _lock(project)
    if project.status != S.OPEN:
        raise Conflict(_("The project is not open for entries."))
    if not selectors.is_eligible(firm=firm, project=project):
        raise NotAllowed(_("Your firm is not eligible for this project."))
    acceptance, created = TermsAcceptance.objects.get_or_create(
        project=project, firm=firm, defaults={"user": by, "terms_sha256": terms_digest(project)}
    )
    if created:
        # The firm's people may now enter the project's live room.
        publish("project.member_joined", project_id=project.pk, firm_id=firm.pk)
        audit_record(
            actor=by,
            action="project.terms_accept",
            target=acceptance,
            firm=firm,
            data={"project": project.pk, "terms_sha256": acceptance.terms_sha256},
        )
    return acceptance


@transaction.atomic
def question_ask(*, project: Project, by: User, firm: Firm | None, text: str) -> Question:
    firm = _require_member(firm=firm, by=by)
    if selectors.acceptance_of(firm=firm, project=project) is None:
        raise NotAllowed(_("Accept the terms before asking a question."))
    if project.status != S.OPEN:
        raise Conflict(_("Questions are closed."))
    if not text.strip():
        raise DomainError(_("Write your question."), field="text")
    question = Question.objects.create(project=project, firm=firm, asked_by=by, text=text.strip())
    notify(
        recipients=_sponsor_people(project),
        kind="project.question",
        title=Message(gettext_noop("New question on “%(title)s”"), title=project.title),
        url=project.get_absolute_url() + "#qa",
        data={"project": project.pk},
    )
    return question


@transaction.atomic
def question_answer(*, question: Question, by: User, answer: str, public: bool = True) -> Question:
    """Answer publicly (every solver is told) or privately (only the asking firm is)."""
    question = Question.objects.select_for_update().select_related("project").get(pk=question.pk)
    project = question.project
    if not selectors.is_sponsor(user=by, project=project):
        raise NotAllowed(_("Only the sponsor answers questions."))
    if not answer.strip():
        raise DomainError(_("Write the answer."), field="answer")
    question.answer = answer.strip()
    question.public = public
    question.answered_by = by
    question.answered_at = timezone.now()
    question.save()
    recipients = _solver_people(project) if public else _people([question.firm_id])
    notify(
        recipients=recipients,
        kind="project.answer",
        title=Message(gettext_noop("A question on “%(title)s” was answered"), title=project.title),
        url=project.get_absolute_url() + "#qa",
        data={"project": project.pk, "question": question.pk},
        exclude=by,
    )
    publish(
        "question.answered",
        project_id=project.pk,
        question_id=question.pk,
        public=public,
        firm_id=None if public else question.firm_id,
    )
    return question


@transaction.atomic
def team_create(
    *, project: Project, by: User, firm: Firm | None, name: str = "", partners: Sequence[tuple[Firm, Decimal]] = ()
) -> Team:
    """Form a team led by the firm and invite partners with the shares they would take.

    No firm is made a member by another firm's say-so: the lead holds the whole share, and each
    partner (which must have accepted the terms) gets a pending invitation that its owners or
    administrators accept or decline (``team_invitation_decide``); only on acceptance does it join
    and take its share from the lead's. A firm is on one team per project."""
    firm = _require_member(firm=firm, by=by, managing=True)
    project = _lock(project)
    if project.status != S.OPEN:
        raise Conflict(_("The project is not open for entries."))
    invited: list[tuple[Firm, Decimal]] = []
    for partner, share in partners:
        share = Decimal(share)
        if partner.pk == firm.pk or share <= 0:
            raise DomainError(_("Each partner needs a positive share."), field="partners")
        if any(other.pk == partner.pk for other, _share in invited):
            raise DomainError(_("Name each partner once."), field="partners")
        invited.append((partner, share))
    if sum((s for _f, s in invited), Decimal(0)) >= 1:
        raise DomainError(_("The partners' shares must leave a share for the lead firm."), field="partners")
    everyone = [firm] + [partner for partner, _share in invited]
    for member in everyone:
        if selectors.acceptance_of(firm=member, project=project) is None:
            raise NotAllowed(_("%(firm)s has not accepted the terms.") % {"firm": member.name})
        if TeamFirm.objects.filter(project=project, firm=member).exists():
            raise Conflict(_("%(firm)s is already on a team.") % {"firm": member.name})
    _require_off_panel(project=project, firm_ids=[member.pk for member in everyone])
    team = Team.objects.create(project=project, name=name.strip() or firm.name, lead=firm, created_by=by)
    TeamFirm.objects.create(project=project, team=team, firm=firm, share=Decimal(1))
    invitations = [
        TeamInvitation.objects.create(project=project, team=team, firm=partner, share=share, invited_by=by)
        for partner, share in invited
    ]
    audit_record(
        actor=by,
        action="project.team_create",
        target=team,
        firm=firm,
        data={"project": project.pk, "invited": {f.pk: str(s) for f, s in invited}},
    )
    for invitation in invitations:
        audit_record(
            actor=by,
            action="project.team_invite",
            target=invitation,
            firm=invitation.firm_id,
            data={"project": project.pk, "team": team.pk, "share": str(invitation.share)},
        )
        notify(
            recipients=_managers([invitation.firm_id]),
            kind="project.team_invitation",
            title=Message(
                gettext_noop("%(firm)s invites your firm to its team for “%(title)s”"),
                firm=per_language(lambda: firm.name),
                title=project.title,
            ),
            body=Message(
                gettext_noop("Proposed share: %(share)s%%. Accept or decline on the project page."),
                share=str((invitation.share * 100).normalize()),
            ),
            url=project.get_absolute_url() + "#entry",
            data={"project": project.pk, "invitation": invitation.pk},
        )
    return team


@transaction.atomic
def team_invitation_decide(*, invitation: TeamInvitation, by: User, accept: bool) -> TeamInvitation:
    """The invited firm's owner or administrator accepts (the firm joins the team and takes its
    share from the lead's) or declines; either way once, recorded, and the lead firm is told."""
    invitation = TeamInvitation.objects.select_for_update().select_related("firm").get(pk=invitation.pk)
    firm = _require_member(firm=invitation.firm, by=by, managing=True)
    project = _lock(invitation.project)
    team = Team.objects.select_related("lead").get(pk=invitation.team_id)
    if invitation.status != InvitationStatus.PENDING:
        raise Conflict(_("This invitation has already been answered."))
    if accept:
        if project.status != S.OPEN:
            raise Conflict(_("The project is no longer open for entries: its teams cannot change."))
        if selectors.acceptance_of(firm=firm, project=project) is None:
            raise NotAllowed(_("Accept the terms before joining a team."))
        if TeamFirm.objects.filter(project=project, firm=firm).exists():
            raise Conflict(_("%(firm)s is already on a team.") % {"firm": firm.name})
        _require_off_panel(project=project, firm_ids=[firm.pk])
        lead = TeamFirm.objects.select_for_update().get(team=team, firm_id=team.lead_id)
        if lead.share - invitation.share <= 0:
            raise Conflict(_("The lead firm has no share left to give."))
        lead.share -= invitation.share
        lead.save(update_fields=["share"])
        TeamFirm.objects.create(project=project, team=team, firm=firm, share=invitation.share)
    invitation.status = InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED
    invitation.decided_by = by
    invitation.decided_at = timezone.now()
    invitation.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        actor=by,
        action="project.team_invitation_accept" if accept else "project.team_invitation_decline",
        target=invitation,
        firm=firm,
        data={"project": project.pk, "team": team.pk, "share": str(invitation.share)},
    )
    notify(
        recipients=_managers([team.lead_id]),
        kind="project.team_invitation_answer",
        title=Message(
            gettext_noop("%(firm)s joined your team for “%(title)s”")
            if accept
            else gettext_noop("%(firm)s declined to join your team for “%(title)s”"),
            firm=per_language(lambda: firm.name),
            title=project.title,
        ),
        url=project.get_absolute_url() + "#entry",
        data={"project": project.pk, "invitation": invitation.pk},
        exclude=by,
    )
    return invitation
