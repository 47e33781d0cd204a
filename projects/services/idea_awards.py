"""The ideation award: the sponsor picks winning ideas; each becomes a knowledge asset credited to
every firm credited on it (its author and the authors of the ideas merged into it)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.audit.services import audit_record
from platform_.errors import DomainError, NotFound
from platform_.events import publish
from platform_.identity.models import User
from platform_.notifications.messages import Message
from platform_.notifications.services import notify
from projects.models import Project
from projects.models_types import Idea, IdeaAward, IdeaCredit
from projects.services._shared import _lock, _people
from projects.services.award import _split
from projects.services.ideas import _require_ideation
from projects.services.lifecycle import _transition


@transaction.atomic
def ideas_award(*, project: Project, by: User, winners: Sequence[Idea]) -> list[IdeaAward]:
    """Award an ideation, once, while it is closed or being judged (the ``award_ideas`` transition:
    the sponsor's owners and administrators): the prize is split between the winning ideas, which
    must be standing ideas of the project (a merged idea is awarded through the idea that absorbed
    it); every credited firm shares its idea's credit and asset. Audited, notified, ``ideation.awarded``."""
    project = _lock(project)
    _require_ideation(project)
    ids = sorted({idea.pk for idea in winners})
    if not ids:
        raise DomainError(_("Choose at least one winning idea."), field="winners")
    chosen = list(Idea.objects.filter(pk__in=ids, project=project).order_by("id"))
    if len(chosen) != len(ids):
        raise NotFound(_("Idea not found."))
    if any(idea.merged_into_id is not None for idea in chosen):
        raise DomainError(
            _("A merged idea is awarded through the idea that absorbed it."), code="idea_merged", field="winners"
        )
    _transition(project=project, action="award_ideas", by=by)
    from projects import award as award_assets

    awards = []
    for idea in chosen:
        award = IdeaAward.objects.create(
            project=project,
            idea=idea,
            amount=_split(project.award_amount, len(chosen)),
            non_monetary=project.award_other,
            ip_terms=project.ip_terms,
            awarded_by=by,
        )
        award_assets.idea_award_to_asset(award=award, by=by)
        awards.append(award)
    credited: dict[int, list[int]] = {}
    for idea_id, firm_id in (
        IdeaCredit.objects.filter(idea__in=chosen).order_by("firm_id").values_list("idea_id", "firm_id")
    ):
        credited.setdefault(idea_id, []).append(firm_id)
    audit_record(
        actor=by,
        action="project.ideas_award",
        target=project,
        firm=project.sponsor_id,
        data={"ideas": ids, "credited_firms": {str(k): v for k, v in credited.items()}},
    )
    winning_firms = {firm for firms in credited.values() for firm in firms}
    notify(
        recipients=_people(winning_firms),
        kind="project.idea_won",
        title=Message(gettext_noop("Your idea won “%(title)s”"), title=project.title),
        body=Message(gettext_noop("Every firm credited on the idea shares the award and its asset.")),
        url=project.get_absolute_url() + "ideas/",
        data={"project": project.pk, "ideas": ids},
    )
    others = set(IdeaCredit.objects.filter(idea__project=project).values_list("firm_id", flat=True)) - winning_firms
    notify(
        recipients=_people(others),
        kind="project.result",
        title=Message(gettext_noop("Results of “%(title)s”"), title=project.title),
        body=Message(
            gettext_noop("Thank you for your ideas. The sponsor has chosen other ideas; we hope to see you again.")
        ),
        url=project.get_absolute_url() + "ideas/",
        data={"project": project.pk},
    )
    publish(
        "ideation.awarded",
        project_id=project.pk,
        idea_ids=ids,
        asset_ids=[award.asset_id for award in awards],
        audience_firm_ids=sorted(winning_firms | others | {project.sponsor_id}),
    )
    return awards
