"""The award's hand-over to the knowledge base: the brief and the winning entry become assets,
linked by derivation and citation, owned per the IP terms, with the use events of the spillover model.

The knowledge domain's services do the writing (asset_create, version_add, asset_derive,
asset_cite, use_record). Two things have no service there and are written through its models:
publishing (the project's own review and the sponsor's award decision stand for the asset
review, so these assets do not wait in a moderation queue) and a provenance link to a cited
asset that the acting firm itself cannot see.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from django.core.files import File
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from knowledge import services as knowledge
from knowledge.models import AccessLevel, Asset, AssetKind, AssetLink, AssetStatus, Licence, LinkKind, UseKind
from platform_.errors import DomainError
from platform_.identity.models import Firm, FirmMember, User
from projects.models import Award, Entry, IpTerms, Project, ProjectKind, TeamFirm
from projects.models_types import IdeaAward

logger = logging.getLogger(__name__)


def _publish(asset: Asset) -> None:
    now = timezone.now()
    Asset.objects.filter(pk=asset.pk).update(status=AssetStatus.PUBLISHED, published_at=now, reviewed_at=now)
    asset.status, asset.published_at = AssetStatus.PUBLISHED, now


def _solver_person(entry: Entry, firm: Firm) -> User:
    latest = entry.versions.order_by("-number").select_related("submitted_by").first()
    if latest and latest.submitted_by and FirmMember.objects.filter(user=latest.submitted_by, firm=firm).exists():
        return latest.submitted_by
    member = FirmMember.objects.filter(firm=firm).order_by("joined_at").select_related("user").first()
    assert member is not None  # a team firm has people: they accepted the terms
    return member.user


def brief_asset(*, project: Project, by: User, team_firms: list[Firm]) -> Asset:
    """The public part of the brief as an asset of the sponsor, visible to the solvers it reached."""
    existing = (
        Award.objects.filter(project=project, brief_asset__isnull=False).select_related("brief_asset").first()
        or IdeaAward.objects.filter(project=project, brief_asset__isnull=False).select_related("brief_asset").first()
    )
    if existing is not None and existing.brief_asset is not None:
        asset = existing.brief_asset
        asset.access_firms.add(*team_firms)
        return asset
    label = (
        gettext_noop("Ideation brief: %(title)s")
        if project.kind == ProjectKind.IDEATION
        else gettext_noop("Design brief: %(title)s")
    )
    with override("zh-hans"):
        title_zh = _(label) % {"title": project.title}
    with override("en"):
        title_en = _(label) % {"title": project.title}
    open_brief = project.eligibility == "open"
    asset = knowledge.asset_create(
        by=by,
        firm=project.sponsor,
        kind=AssetKind.DOCUMENT,
        title_zh=title_zh,
        title_en=title_en,
        summary_zh=project.brief[:500],
        summary_en=project.brief[:500],
        body="\n\n".join(part for part in (project.brief, project.requirements) if part),
        licence=Licence.CC_BY,
        access_level=AccessLevel.PUBLIC if open_brief else AccessLevel.FIRMS,
        access_firms=[] if open_brief else team_firms,
        tags=["design-project", f"project-{project.pk}"],
    )
    _publish(asset)
    return asset


def award_to_asset(*, award: Award, by: User) -> Asset:
    """Make the award's entry a knowledge asset derived from the brief and citing what it built on."""
    entry = award.entry
    project = award.project
    members = list(TeamFirm.objects.filter(team=entry.team).select_related("firm"))
    team_firms = [m.firm for m in members]
    lead = entry.team.lead
    brief = brief_asset(project=project, by=by, team_firms=team_firms)
    sponsor = project.sponsor
    if project.ip_terms == IpTerms.ASSIGNMENT:
        # Assignment: the sponsor owns the design; the solvers keep sight of it.
        owners: dict[Firm, Decimal] = {sponsor: Decimal(1)}
        actor, acting_firm = by, sponsor
        licence, terms = Licence.PROPRIETARY, _("Assigned to %(sponsor)s by the award of “%(title)s”.")
        access_firms = team_firms
    else:
        # A licence: the solvers keep ownership by contribution share; the sponsor is licensed.
        owners = {m.firm: m.share for m in members}
        actor, acting_firm = _solver_person(entry, lead), lead
        licence = Licence.PROPRIETARY
        terms = (
            _("Exclusive licence to %(sponsor)s by the award of “%(title)s”.")
            if project.ip_terms == IpTerms.EXCLUSIVE
            else _("Non-exclusive licence to %(sponsor)s by the award of “%(title)s”.")
        )
        access_firms = [sponsor]
    terms = terms % {"sponsor": sponsor.name, "title": project.title}
    latest = entry.versions.order_by("-number").first()
    asset = knowledge.asset_create(
        by=actor,
        firm=acting_firm,
        owners=owners,
        kind=AssetKind.DESIGN,
        title_zh=entry.title,
        title_en=entry.title,
        summary_zh=(latest.description if latest else "")[:2000],
        summary_en=(latest.description if latest else "")[:2000],
        body=_("Winning entry of the design project “%(title)s”.") % {"title": project.title},
        licence=licence,
        licence_terms=terms,
        access_level=AccessLevel.FIRMS,
        access_firms=access_firms,
        tags=["design-project", f"project-{project.pk}"],
    )
    if latest is not None:
        for row in latest.files.all():
            try:
                with row.file.open("rb") as handle:
                    knowledge.version_add(asset=asset, by=actor, uploaded_file=File(handle, name=row.name))
            except DomainError:
                logger.info("entry file %s not accepted as an asset version", row.pk)
    _publish(asset)
    award.asset = asset
    award.brief_asset = brief
    award.save(update_fields=["asset", "brief_asset"])
    _link(citing=asset, cited=brief, by=actor, firm=acting_firm, kind=LinkKind.DERIVATION)
    for cited in entry.cited_assets.all():
        if cited.pk != asset.pk:
            _link(citing=asset, cited=cited, by=actor, firm=acting_firm, kind=LinkKind.CITATION)
    # The use events: each solver firm derived from the brief and cited what the entry cites;
    # the sponsor licensed the design when the solvers keep it.
    for firm in team_firms:
        person = _solver_person(entry, firm)
        knowledge.use_record(firm=firm, user=person, asset=brief, kind=UseKind.DERIVATION)
        for cited in entry.cited_assets.all():
            knowledge.use_record(firm=firm, user=person, asset=cited, kind=UseKind.CITATION)
    if project.ip_terms != IpTerms.ASSIGNMENT:
        knowledge.use_record(firm=sponsor, user=by, asset=asset, kind=UseKind.LICENCE)
    return asset


def _member(firm: Firm, preferred: User | None) -> User:
    if preferred is not None and FirmMember.objects.filter(user=preferred, firm=firm).exists():
        return preferred
    member = FirmMember.objects.filter(firm=firm).order_by("joined_at").select_related("user").first()
    assert member is not None  # a credited firm has people: one of them accepted the terms
    return member.user


def idea_award_to_asset(*, award: IdeaAward, by: User) -> Asset:
    """Make a winning idea a knowledge asset derived from the brief, as the design award does with an
    entry: every firm credited on the idea (its author and the authors of the ideas merged into it)
    owns it in equal shares under a licence, or the sponsor owns it under assignment; each credited
    firm records its derivation of the brief, and the sponsor its licence when the firms keep it."""
    idea = award.idea
    project = award.project
    credits = list(idea.credits.select_related("firm", "user").order_by("id"))
    credited = [credit.firm for credit in credits]
    brief = brief_asset(project=project, by=by, team_firms=credited)
    sponsor = project.sponsor
    if project.ip_terms == IpTerms.ASSIGNMENT:
        owners: list[Firm] = [sponsor]
        actor, acting_firm = by, sponsor
        terms = _("Assigned to %(sponsor)s by the award of “%(title)s”.")
        access_firms = credited
    else:
        owners = credited
        author_firm = idea.firm if idea.firm in credited else credited[0]
        actor, acting_firm = _member(author_firm, idea.author), author_firm
        terms = (
            _("Exclusive licence to %(sponsor)s by the award of “%(title)s”.")
            if project.ip_terms == IpTerms.EXCLUSIVE
            else _("Non-exclusive licence to %(sponsor)s by the award of “%(title)s”.")
        )
        access_firms = [sponsor]
    asset = knowledge.asset_create(
        by=actor,
        firm=acting_firm,
        owners=owners,
        kind=AssetKind.DOCUMENT,
        title_zh=idea.title,
        title_en=idea.title,
        summary_zh=idea.text[:2000],
        summary_en=idea.text[:2000],
        body=_("Winning idea of the ideation “%(title)s”.") % {"title": project.title} + "\n\n" + idea.text,
        licence=Licence.PROPRIETARY,
        licence_terms=terms % {"sponsor": sponsor.name, "title": project.title},
        access_level=AccessLevel.FIRMS,
        access_firms=access_firms,
        tags=["ideation", f"project-{project.pk}", f"idea-{idea.pk}"],
    )
    _publish(asset)
    award.asset = asset
    award.brief_asset = brief
    award.save(update_fields=["asset", "brief_asset"])
    _link(citing=asset, cited=brief, by=actor, firm=acting_firm, kind=LinkKind.DERIVATION)
    for credit in credits:
        knowledge.use_record(
            firm=credit.firm, user=_member(credit.firm, credit.user), asset=brief, kind=UseKind.DERIVATION
        )
    if project.ip_terms != IpTerms.ASSIGNMENT:
        knowledge.use_record(firm=sponsor, user=by, asset=asset, kind=UseKind.LICENCE)
    return asset


def _link(*, citing: Asset, cited: Asset, by: Any, firm: Firm, kind: str) -> None:
    try:
        (
            knowledge.asset_derive(derived=citing, source=cited, by=by, firm=firm)
            if kind == LinkKind.DERIVATION
            else knowledge.asset_cite(citing=citing, cited=cited, by=by, firm=firm)
        )
    except DomainError:
        # The acting firm may not see a cited asset (restricted to the solvers' cluster): the
        # provenance is still recorded; the solvers' own use is recorded by the caller.
        AssetLink.objects.get_or_create(citing=citing, cited=cited, kind=kind)
