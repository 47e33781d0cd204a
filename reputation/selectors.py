"""Track records of firms and people: what they shared, how other firms reused it, challenges, judging.

A record counts only what is public in kind (published assets that are not private; entries of
challenges closed for entries, whose seal is off; awards; judging on panels that scored) and
names no asset, entry or firm: it is a set of figures and the reasons behind the score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from knowledge.models import AccessLevel, Asset, AssetStatus, UseKind
from platform_.identity.models import Firm, FirmMember
from projects.models import Award, Entry, Judge, TeamFirm
from projects.selectors import UNSEALED
from reputation.ledger import Ledger, Rules, ledger_current, rules


@dataclass
class TrackRecord:
    assets_shared: int = 0
    reuse_credit: float = 0.0
    reusing_firms: int = 0
    citations: int = 0
    derivations: int = 0
    licences: int = 0
    own_uses_ignored: int = 0
    ring: tuple[float, float] | None = None  # credit from a closed ring: before and after the cap
    entries: int = 0
    wins: int = 0
    judged: int = 0
    score: float = 0.0
    flow_weighted: bool = False
    reasons: list[str] = field(default_factory=list)


def _shared() -> Q:
    return Q(status=AssetStatus.PUBLISHED) & ~Q(access_level=AccessLevel.PRIVATE)


def _judging_done() -> Q:
    """A panel served on: the judge scored, and the panel closed (its scores are published)."""
    return Q(scores__isnull=False, project__panel_closed_at__isnull=False)


def _finish(record: TrackRecord, rule: Rules) -> TrackRecord:
    parts = {
        "assets": rule.asset_weight * min(record.assets_shared, rule.asset_cap),
        "reuse": record.reuse_credit,
        "entries": rule.entry_weight * record.entries,
        "wins": rule.win_weight * record.wins,
        "judging": rule.judging_weight * record.judged,
    }
    record.score = round(sum(parts.values()), 2)
    record.reuse_credit = round(record.reuse_credit, 2)
    reasons = record.reasons
    reasons.append(
        ngettext(
            "%(n)d asset shared: +%(points).1f (at most %(cap)d count)",
            "%(n)d assets shared: +%(points).1f (at most %(cap)d count)",
            record.assets_shared,
        )
        % {"n": record.assets_shared, "points": parts["assets"], "cap": rule.asset_cap}
    )
    reasons.append(
        ngettext(
            "Reused by %(n)d other firm (%(c)d citations, %(d)d derivations, %(l)d licences): +%(points).1f",
            "Reused by %(n)d other firms (%(c)d citations, %(d)d derivations, %(l)d licences): +%(points).1f",
            record.reusing_firms,
        )
        % {
            "n": record.reusing_firms,
            "c": record.citations,
            "d": record.derivations,
            "l": record.licences,
            "points": record.reuse_credit,
        }
    )
    if record.flow_weighted:
        reasons.append(_("Reuse is weighted by the spillover model's flow from the owner to the user."))
    if record.own_uses_ignored:
        reasons.append(_("%(n)d uses by the owners themselves count nothing.") % {"n": record.own_uses_ignored})
    if record.ring is not None and record.ring[1] < record.ring[0]:
        reasons.append(
            _("Reuse among a closed ring of firms that mostly use each other is capped: %(raw).1f → %(capped).1f.")
            % {"raw": record.ring[0], "capped": record.ring[1]}
        )
    reasons.append(
        _("Challenges: %(entries)d entered (+%(e).1f), %(wins)d won (+%(w).1f)")
        % {"entries": record.entries, "e": parts["entries"], "wins": record.wins, "w": parts["wins"]}
    )
    reasons.append(_("Judging: %(n)d panels (+%(points).1f)") % {"n": record.judged, "points": parts["judging"]})
    return record


def _reuse_into(record: TrackRecord, kinds: Any) -> None:
    record.citations = kinds.get(UseKind.CITATION, 0)
    record.derivations = kinds.get(UseKind.DERIVATION, 0)
    record.licences = kinds.get(UseKind.LICENCE, 0)


def _per_firm(queryset: Any, firm_field: str, firm_ids: list[int], counted: str) -> dict[int, int]:
    return dict(
        queryset.filter(**{f"{firm_field}__in": firm_ids})
        .values_list(firm_field)
        .annotate(n=Count(counted, distinct=True))
        .values_list(firm_field, "n")
    )


def firm_track_records(*, firm_ids: list[int], ledger: Ledger | None = None) -> dict[int, TrackRecord]:
    """The records of many firms in a few grouped queries (partner suggestions rank by them)."""
    ledger = ledger if ledger is not None else ledger_current()
    rule = rules()
    shared = _per_firm(Asset.objects.filter(_shared()), "ownerships__firm", firm_ids, "pk")
    entries = _per_firm(
        TeamFirm.objects.filter(team__entry__isnull=False, project__status__in=UNSEALED), "firm", firm_ids, "team"
    )
    wins = _per_firm(Award.objects.all(), "entry__team__members__firm", firm_ids, "pk")
    judged = _per_firm(Judge.objects.filter(_judging_done()), "user__firm_memberships__firm", firm_ids, "pk")
    records = {}
    for firm_id in firm_ids:
        record = TrackRecord(flow_weighted=ledger.flow_weighted)
        record.assets_shared = shared.get(firm_id, 0)
        record.reuse_credit = ledger.firm_credit.get(firm_id, 0.0)
        record.reusing_firms = len(ledger.firm_users.get(firm_id, ()))
        _reuse_into(record, ledger.firm_kinds.get(firm_id, {}))
        record.own_uses_ignored = ledger.own_uses.get(firm_id, 0)
        record.ring = ledger.ring_credit.get(firm_id)
        record.entries = entries.get(firm_id, 0)
        record.wins = wins.get(firm_id, 0)
        record.judged = judged.get(firm_id, 0)
        records[firm_id] = _finish(record, rule)
    return records


def firm_track_record(*, firm: Firm, ledger: Ledger | None = None) -> TrackRecord:
    return firm_track_records(firm_ids=[firm.pk], ledger=ledger)[firm.pk]


def person_track_record(*, user: Any, ledger: Ledger | None = None) -> TrackRecord:
    """A person's record: the assets they wrote (credit of the owners' rules), their entries and judging."""
    ledger = ledger if ledger is not None else ledger_current()
    record = TrackRecord(flow_weighted=ledger.flow_weighted)
    asset_ids = list(Asset.objects.filter(_shared(), created_by=user).values_list("pk", flat=True))
    record.assets_shared = len(asset_ids)
    users: set[int] = set()
    kinds: dict[str, int] = {}
    for asset_id in asset_ids:
        record.reuse_credit += ledger.asset_credit.get(asset_id, 0.0)
        users |= ledger.asset_users.get(asset_id, set())
        record.own_uses_ignored += ledger.asset_own_uses.get(asset_id, 0)
        for kind, n in ledger.asset_kinds.get(asset_id, {}).items():
            kinds[kind] = kinds.get(kind, 0) + n
    record.reusing_firms = len(users)
    _reuse_into(record, kinds)
    record.entries = (
        Entry.objects.filter(versions__submitted_by=user, project__status__in=UNSEALED).values("pk").distinct().count()
    )
    record.wins = Award.objects.filter(entry__versions__submitted_by=user).values("pk").distinct().count()
    record.judged = Judge.objects.filter(_judging_done(), user=user).values("pk").distinct().count()
    return _finish(record, rules())


def person_record_visible(*, viewer: Any, person: Any) -> bool:
    """A person's record is shown to themselves, to the people of their firms and to administrators."""
    if not getattr(viewer, "is_authenticated", False) or person is None:
        return False
    if viewer.pk == person.pk or viewer.is_platform_admin:
        return True
    firms = FirmMember.objects.filter(user=person).values("firm_id")
    return FirmMember.objects.filter(user=viewer, firm_id__in=firms).exists()
