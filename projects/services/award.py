"""The award: winners, their assets and every solver's result."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.errors import Conflict, DomainError, NotFound
from platform_.events import publish
from platform_.identity.models import User
from platform_.notifications.messages import Message
from platform_.notifications.services import notify
from projects import selectors
from projects.models import (
    Award,
    Entry,
    EntryOutcome,
    Project,
    ProjectKind,
)
from projects.services._shared import _lock, _people
from projects.services.lifecycle import _transition


def _split(amount: Decimal | None, count: int) -> Decimal | None:
    if amount is None:
        return None
    return (amount / count).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


@transaction.atomic
def project_award(*, project: Project, by: User, winners: Sequence[Entry]) -> list[Award]:
    """Award the winners: each winning entry becomes a knowledge asset derived from the brief and
    citing what it built on, owned per the IP terms; every solver gets its result and feedback."""
    project = _lock(project)
    if project.kind == ProjectKind.IDEATION:
        raise Conflict(_("An ideation is awarded by choosing its winning ideas."), code="wrong_type")
    winners = list(winners)
    if not winners:
        raise DomainError(_("Choose at least one winner."), field="winners")
    if any(entry.project_id != project.pk for entry in winners):
        raise NotFound(_("Entry not found."))
    _transition(project=project, action="award", by=by)
    from projects import award as award_assets

    awards = []
    for entry in winners:
        entry.outcome = EntryOutcome.WINNER
        entry.save(update_fields=["outcome"])
        award = Award.objects.create(
            project=project,
            entry=entry,
            amount=_split(project.award_amount, len(winners)),
            non_monetary=project.award_other,
            ip_terms=project.ip_terms,
            awarded_by=by,
        )
        award_assets.award_to_asset(award=award, by=by)
        awards.append(award)
    rows = {row.entry.pk: row for row in selectors.ranking(project=project)}
    for entry in Entry.objects.filter(project=project).select_related("team"):
        row = rows.get(entry.pk)
        won = any(w.pk == entry.pk for w in winners)
        title = Message(
            gettext_noop("Your entry won “%(title)s”") if won else gettext_noop("Results of “%(title)s”"),
            title=project.title,
        )
        body = Message(
            gettext_noop("Rank: %(rank)s. Score: %(score)s."),
            rank=str(row.rank) if row and row.rank else "–",
            score=str(row.score) if row and row.score else "–",
        ).followed_by(entry.feedback or "")
        notify(
            recipients=_people(entry.team.members.values_list("firm_id", flat=True)),
            kind="project.result",
            title=title,
            body=body,
            url=entry.get_absolute_url(),
            data={"project": project.pk},
        )
    publish(
        "project.awarded",
        project_id=project.pk,
        entry_ids=[e.pk for e in winners],
        asset_ids=[a.asset_id for a in awards],
    )
    return awards
