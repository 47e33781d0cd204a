"""Writes of the observatory: computing the open statistics, and a firm's choice to stay out of them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from observatory import compute, selectors
from observatory.models import OpenStatistics, OpenStatisticsOptOut
from platform_.audit.services import audit_record
from platform_.errors import NotAllowed
from platform_.identity.models import Firm, FirmRole
from platform_.identity.selectors import member_of
from platform_.locks import advisory_lock_try

KEEP = 3  # computed sets kept: the current one and two before it


def open_statistics_k() -> int:
    return max(1, int(getattr(settings, "OPEN_STATISTICS_MIN_FIRMS", 3)))


def open_statistics_refresh(
    *, k: int | None = None, on_progress: compute.Progress | None = None
) -> OpenStatistics | None:
    """Compute the open tables from the record and make them current; None if another refresh runs.

    The new set becomes current in one transaction, so readers see the old tables or the new ones,
    never a half-written set.
    """
    report = on_progress or (lambda stage, fraction: None)
    with advisory_lock_try("observatory:refresh") as held:
        if not held:
            return None
        k = k or open_statistics_k()
        extract = compute.extract(now=timezone.now(), on_progress=report)
        report("protect", 0.9)
        data = compute.build(extract, k=k)
        with transaction.atomic():
            OpenStatistics.objects.filter(is_current=True).update(is_current=False)
            stats = OpenStatistics.objects.create(
                k=k,
                is_current=True,
                data=data,
                firms_counted=len(extract.firms),
                events_counted=sum(n for _firm, _month, n in extract.uses),
            )
            old = OpenStatistics.objects.order_by("-computed_at", "-id").values_list("id", flat=True)[KEEP:]
            OpenStatistics.objects.filter(id__in=list(old)).delete()
        report("done", 1.0)
        return stats


def open_statistics_current_or_queue() -> OpenStatistics | None:
    """The current open tables for a page; before the first refresh, queue one (at most every five minutes)."""
    stats = selectors.open_statistics_current()
    if stats is None and cache.add("observatory:refresh-queued", True, timeout=300):
        from observatory.tasks import refresh_open_statistics

        refresh_open_statistics.delay()
    return stats


def _require_firm_manager(*, firm: Firm, by: Any) -> None:
    member = member_of(user=by, firm=firm)
    if member is None or member.role not in (FirmRole.OWNER, FirmRole.ADMIN):
        raise NotAllowed(_("Only the firm's owners and administrators may change this."))


def open_statistics_opt_out_set(*, firm: Firm, by: Any, opted_out: bool) -> bool:
    """Leave the open statistics (or come back); takes effect at the next refresh. Returns the new state."""
    _require_firm_manager(firm=firm, by=by)
    with transaction.atomic():
        existing = OpenStatisticsOptOut.objects.filter(firm=firm).first()
        if opted_out and existing is None:
            OpenStatisticsOptOut.objects.create(firm=firm, by=by)
            audit_record(actor=by, action="observatory.opt_out", target=firm, firm=firm)
        elif not opted_out and existing is not None:
            existing.delete()
            audit_record(actor=by, action="observatory.opt_in", target=firm, firm=firm)
    if opted_out:
        # Leaving takes effect at once: the tables are computed again without the firm.
        from observatory.tasks import refresh_open_statistics

        transaction.on_commit(lambda: refresh_open_statistics.delay())
    return opted_out
