"""Taking part: the terms, questions and answers, and solver teams."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.events import publish
from platform_.identity.models import Firm, User
from platform_.notifications.services import notify
from projects import selectors
from projects.models import (
    Project,
    ProjectStatus,
    Question,
    Team,
    TeamFirm,
    TermsAcceptance,
)
from projects.services._shared import _lock, _people, _require_member, _solver_people, _sponsor_people

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
        title=_("New question on “%(title)s”") % {"title": project.title},
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
        title=_("A question on “%(title)s” was answered") % {"title": project.title},
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
    """Form a team led by the firm; partners (each must have accepted the terms) take the given
    shares and the lead keeps the rest. A firm is on one team per project."""
    firm = _require_member(firm=firm, by=by, managing=True)
    if project.status != S.OPEN:
        raise Conflict(_("The project is not open for entries."))
    members: list[tuple[Firm, Decimal]] = []
    for partner, share in partners:
        share = Decimal(share)
        if partner.pk == firm.pk or share <= 0:
            raise DomainError(_("Each partner needs a positive share."), field="partners")
        members.append((partner, share))
    lead_share = Decimal(1) - sum((s for _f, s in members), Decimal(0))
    if lead_share <= 0:
        raise DomainError(_("The partners' shares must leave a share for the lead firm."), field="partners")
    members.insert(0, (firm, lead_share))
    for member, _share in members:
        if selectors.acceptance_of(firm=member, project=project) is None:
            raise NotAllowed(_("%(firm)s has not accepted the terms.") % {"firm": member.name})
        if TeamFirm.objects.filter(project=project, firm=member).exists():
            raise Conflict(_("%(firm)s is already on a team.") % {"firm": member.name})
    team = Team.objects.create(project=project, name=name.strip() or firm.name, lead=firm, created_by=by)
    TeamFirm.objects.bulk_create([TeamFirm(project=project, team=team, firm=f, share=s) for f, s in members])
    audit_record(
        actor=by,
        action="project.team_create",
        target=team,
        firm=firm,
        data={"project": project.pk, "firms": {f.pk: str(s) for f, s in members}},
    )
    return team
