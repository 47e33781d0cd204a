"""Competition statistics for solvers: how many firms accepted the terms, entries over time and the
participants' provinces. Only counts, never an entry's content or a participant's identity, and a
bucket with fewer than ``MIN_BUCKET`` firms or entries is hidden (small counts point at someone)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _

from platform_.identity.regions import Province
from projects.models import EntryVersion, Project, TermsAcceptance

MIN_BUCKET = 3


def _shown(count: int) -> int | None:
    """The count, or None (shown as "fewer than 3") when it is too small to publish."""
    return count if count >= MIN_BUCKET else None


@dataclass
class DayCount:
    day: date
    entries: int | None


@dataclass
class ProvinceCount:
    province: str
    label: str
    firms: int | None


@dataclass
class CompetitionStatistics:
    terms_accepted: int | None
    entries: int | None
    entries_over_time: list[DayCount] = field(default_factory=list)
    provinces: list[ProvinceCount] = field(default_factory=list)
    min_bucket: int = MIN_BUCKET


def competition_statistics(*, project: Project) -> CompetitionStatistics:
    """The same figures for everyone who may see the project: nothing in them depends on who asks.

    Entries over time count each entry once, on the day its first version arrived; small days are
    folded into the next day that is large enough (so no day with one or two entries shows). The
    provinces are those of the firms that accepted the terms; provinces with fewer than three such
    firms are folded into one "other provinces" bucket, itself hidden when below three."""
    accepted = TermsAcceptance.objects.filter(project=project)
    per_day = (
        EntryVersion.objects.filter(entry__project=project, number=1)
        .annotate(day=TruncDate("submitted_at"))
        .values("day")
        .annotate(count=Count("entry_id", distinct=True))
        .order_by("day")
    )
    days: list[DayCount] = []
    carried = 0
    for row in per_day:
        carried += row["count"]
        if carried >= MIN_BUCKET:
            days.append(DayCount(day=row["day"], entries=carried))
            carried = 0
    total_entries = sum(row["count"] for row in per_day)
    labels = dict(Province.choices)
    provinces: list[ProvinceCount] = []
    other = 0
    by_province = accepted.values("firm__province").annotate(count=Count("firm_id", distinct=True))
    rows = list(by_province.order_by("-count", "firm__province").values_list("firm__province", "count"))
    for code, count in rows:
        if count >= MIN_BUCKET:
            provinces.append(ProvinceCount(province=code, label=str(labels.get(code, code)), firms=count))
        else:
            other += count
    if other:
        provinces.append(ProvinceCount(province="", label=_("Other provinces"), firms=_shown(other)))
    return CompetitionStatistics(
        terms_accepted=_shown(sum(count for _code, count in rows)),  # one acceptance per firm
        entries=_shown(total_entries),
        entries_over_time=days,
        provinces=provinces,
    )
