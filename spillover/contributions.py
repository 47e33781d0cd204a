"""What spillover tells the knowledge domain: each firm's measured outflow, for the contributors tier.

Knowledge sits below spillover and cannot read its scores, so spillover registers this source with
``knowledge.tiers`` (in SpilloverConfig.ready); knowledge recomputes standings when a run completes.
"""

from __future__ import annotations

from spillover.models import FirmScore, Run


def firm_outflows(firm_ids: list[int]) -> dict[int, float]:
    """The outflow of each firm in the current run (firms without a score are left out)."""
    run = Run.objects.filter(is_current=True).first()
    if run is None or not firm_ids:
        return {}
    rows = FirmScore.objects.filter(run=run, firm_id__in=firm_ids).values_list("firm_id", "outflow")
    return {firm_id: float(outflow) for firm_id, outflow in rows}
