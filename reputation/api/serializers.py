"""Output of the reputation API: a track record and the reasons behind its score."""

from __future__ import annotations

from rest_framework import serializers


class TrackRecordOut(serializers.Serializer):
    score = serializers.FloatField(help_text="The sum of the parts below (docs/knowledge.md, Reputation).")
    assets_shared = serializers.IntegerField(help_text="Published assets that are not private.")
    reuse_credit = serializers.FloatField(help_text="Credited reuse by other firms, after the rules against inflation.")
    reusing_firms = serializers.IntegerField(help_text="Other firms that cited, derived from or licensed the assets.")
    citations = serializers.IntegerField()
    derivations = serializers.IntegerField()
    licences = serializers.IntegerField()
    own_uses_ignored = serializers.IntegerField(help_text="Uses by the owners themselves, which count nothing.")
    ring_capped = serializers.SerializerMethodField(
        help_text="Credit from a closed ring of firms before and after its cap, or null."
    )
    entries = serializers.IntegerField(help_text="Entries of challenges closed for entries.")
    wins = serializers.IntegerField()
    judged = serializers.IntegerField(help_text="Judging panels served on (scored, panel closed).")
    flow_weighted = serializers.BooleanField(help_text="Whether the spillover model's flows weighed the reuse.")
    reasons = serializers.ListField(child=serializers.CharField(), help_text="Each part of the score, explained.")

    def get_ring_capped(self, record: object) -> list[float] | None:
        ring = getattr(record, "ring", None)
        return list(ring) if ring is not None else None
