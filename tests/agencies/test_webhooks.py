"""The agencies' webhook events reach exactly the firms entitled to them, with only their declared fields."""

from __future__ import annotations

from datetime import date
from typing import Any

from agencies import services
from platform_.api.webhooks import audience_of, outgoing_payload, webhook_events
from platform_.identity.models import Firm


def test_guidance_published_reaches_the_firms_in_scope_only(land: dict[str, Any]) -> None:
    guidance = services.guidance_publish(
        agency=land["agency"], by=land["officer"], kind="subsidy", title="补贴", body="…",
        valid_from=date(2026, 1, 1), sectors=[land["textile"]],
    )  # fmt: skip
    everyone = set(Firm.objects.values_list("pk", flat=True))
    payload = {"guidance_id": guidance.pk, "agency_id": land["agency"].pk}
    assert audience_of("guidance.published", payload, everyone) == {firm.pk for firm, _owner in land["zj"]}
    assert outgoing_payload("guidance.published", {**payload, "secret": 1}) == payload


def test_cluster_endorsed_reaches_the_clusters_members_only(land: dict[str, Any]) -> None:
    endorsement = services.endorsement_set(agency=land["agency"], cluster=land["a"], by=land["officer"], endorse=True)
    assert endorsement is not None
    everyone = set(Firm.objects.values_list("pk", flat=True))
    payload = {"cluster_id": land["a"].pk, "agency_id": land["agency"].pk, "endorsement_id": endorsement.pk}
    members = {firm.pk for firm, _owner in land["zj"]} | {land["gd"][0][0].pk}
    assert audience_of("cluster.endorsed", payload, everyone) == members
    assert {"guidance.published", "cluster.endorsed", "cluster.endorsement_revoked"} <= set(webhook_events())
