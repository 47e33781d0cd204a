"""Reputation's signal in partner suggestions (``clusters.matching``): a candidate's track record."""

from __future__ import annotations

from django.utils.translation import gettext as _

from clusters.matching import PartnerSignal, partner_signal_register
from platform_.identity.models import Firm
from reputation.ledger import rules
from reputation.selectors import firm_track_records

# A record of this score counts as half of the signal's weight: records saturate, they never dominate.
HALF = 10.0


def weigh(firm: Firm, candidate_ids: list[int]) -> dict[int, tuple[float, str]]:
    weighed = {}
    for firm_id, record in firm_track_records(firm_ids=candidate_ids).items():
        if record.score <= 0:
            continue
        reason = _(
            "Track record %(score).1f: assets reused by %(firms)d other firms, %(wins)d challenges won, "
            "%(judged)d panels judged"
        ) % {"score": record.score, "firms": record.reusing_firms, "wins": record.wins, "judged": record.judged}
        weighed[firm_id] = (record.score / (record.score + HALF), reason)
    return weighed


def register() -> None:
    partner_signal_register(PartnerSignal(name="reputation", weigh=weigh, weight=lambda: rules().partner_weight))
