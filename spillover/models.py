"""Stored spillover results: a run (as-of time, parameters, progress) and the figures it computed.

A run becomes current only when it is complete, so readers never see a half-written run and a
worker killed mid-run leaves the previous results readable.
"""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from knowledge.models import Asset
from platform_.identity.models import Firm
from spillover.model.params import Parameters
from spillover.model.proximity import decay, years


class RunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    COMPLETE = "complete", _("Complete")
    FAILED = "failed", _("Failed")


class Run(models.Model):
    """One full computation of the model as of a time, with its parameters and progress."""

    status = models.CharField(_("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.RUNNING)
    is_current = models.BooleanField(_("current"), default=False)
    as_of = models.DateTimeField(_("as of"))
    parameters = models.JSONField(_("parameters"), default=dict)
    events_upto_id = models.BigIntegerField(_("last event included"), default=0)
    stage = models.CharField(_("stage"), max_length=40, blank=True)
    progress = models.FloatField(_("progress"), default=0.0)
    event_count = models.BigIntegerField(_("events read"), default=0)
    folded_count = models.BigIntegerField(_("events folded in since"), default=0)
    # The as-of time of the figures folded in since the run (None: nothing folded). The run's linear
    # figures stay stored valued at ``as_of``; ``live_factor`` carries them to this time.
    folded_as_of = models.DateTimeField(_("folded in as of"), null=True, blank=True)
    months = models.JSONField(_("months"), default=list)
    summary = models.JSONField(_("summary"), default=dict)
    task_id = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    # The computing worker is alive: set when it takes the task and at each progress step (services/orphans.py).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("spillover run")
        verbose_name_plural = _("spillover runs")
        constraints = [
            models.UniqueConstraint(fields=["is_current"], condition=Q(is_current=True), name="one_current_run")
        ]

    def __str__(self) -> str:
        return f"run {self.pk} as of {self.as_of:%Y-%m-%d %H:%M} ({self.status})"

    @property
    def figures_as_of(self) -> datetime:
        """The as-of time of the folded-in figures: the last fold's, else the run's own."""
        return self.folded_as_of or self.as_of

    def live_factor(self) -> float:
        """e^{−λ(figures_as_of − as_of)}: what a linear figure stored by this run (valued at ``as_of``)
        is worth at ``figures_as_of``. One factor for every linear figure, so folding never rewrites
        the rows the new events do not touch."""
        lam = Parameters.from_dict(self.parameters).lam
        return float(decay(years((self.figures_as_of - self.as_of).total_seconds()), lam))


class FirmScore(models.Model):
    """A firm's stock, pools and flows; linear figures are valued at the run's as-of time.

    Result tables carry no per-row foreign-key triggers and no index the composite ones cover:
    a run writes hundreds of thousands of rows with COPY, and readers filter by run first.
    """

    run = models.ForeignKey(
        Run, on_delete=models.CASCADE, related_name="firm_scores", db_constraint=False, db_index=False
    )
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    stock = models.FloatField(default=0.0)
    pool = models.FloatField(default=0.0)
    pool_mahalanobis = models.FloatField(default=0.0)
    inflow = models.FloatField(default=0.0)
    outflow = models.FloatField(default=0.0)
    absorption = models.FloatField(default=0.0)
    series_in = models.JSONField(default=list)
    series_out = models.JSONField(default=list)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "firm"], name="one_firm_score_per_run")]

    def __str__(self) -> str:
        return f"firm {self.firm_id} in run {self.run_id}"

    @property
    def net(self) -> float:
        return self.outflow - self.inflow


class FlowEdge(models.Model):
    """F_ij: what ``absorber`` learnt from ``source`` (kept: each firm's top pairs and every pair
    inside a cluster)."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="edges", db_constraint=False, db_index=False)
    absorber = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="+", db_constraint=False, db_index=False)
    source = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="+", db_constraint=False, db_index=False)
    value = models.FloatField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "absorber", "source"], name="one_edge_per_run_pair")]
        indexes = [models.Index(fields=["run", "source"], name="spillover_edge_run_source")]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.absorber_id}: {self.value:.3f}"


class ClusterScore(models.Model):
    """A cluster's spillover index, realisation ratio, E-I index, monthly series and provinces."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="cluster_scores")
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    members = models.IntegerField(default=0)
    stock = models.FloatField(default=0.0)
    pool = models.FloatField(default=0.0)
    internal = models.FloatField(default=0.0)
    external = models.FloatField(default=0.0)
    csi = models.FloatField(default=0.0)
    realisation = models.FloatField(default=0.0)
    ei = models.FloatField(default=0.0)
    cross_province = models.FloatField(default=0.0)
    series = models.JSONField(default=list)
    provinces = models.JSONField(default=list)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "cluster"], name="one_cluster_score_per_run")]

    def __str__(self) -> str:
        return f"cluster {self.cluster_id} in run {self.run_id}"


class AssetScore(models.Model):
    """An asset's reach: decayed uses by non-owners, breadth, generality, descendants, PageRank."""

    run = models.ForeignKey(
        Run, on_delete=models.CASCADE, related_name="asset_scores", db_constraint=False, db_index=False
    )
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    uses = models.FloatField(default=0.0)
    breadth = models.IntegerField(default=0)
    generality_cluster = models.FloatField(default=0.0)
    generality_province = models.FloatField(default=0.0)
    generality_sector = models.FloatField(default=0.0)
    descendants = models.IntegerField(default=0)
    pagerank = models.FloatField(default=0.0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "asset"], name="one_asset_score_per_run")]

    def __str__(self) -> str:
        return f"asset {self.asset_id} in run {self.run_id}"


class Dimension(models.TextChoices):
    PROVINCE = "province", _("Province")
    SECTOR = "sector", _("Sector")


class RegionScore(models.Model):
    """Outside share and localisation of the flows out of one province or sector."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="region_scores")
    dimension = models.CharField(max_length=10, choices=Dimension.choices)
    key = models.CharField(max_length=40)
    total = models.FloatField(default=0.0)
    outside_share = models.FloatField(default=0.0)
    observed = models.FloatField(default=0.0)
    expected = models.FloatField(default=0.0)
    localisation = models.FloatField(default=0.0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "dimension", "key"], name="one_region_score_per_run")]

    def __str__(self) -> str:
        return f"{self.dimension} {self.key} in run {self.run_id}"


class FoldedEvent(models.Model):
    """A use event already folded into a run incrementally (makes folding safe to repeat)."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="+", db_index=False)
    event_id = models.BigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "event_id"], name="one_fold_per_run_event")]

    def __str__(self) -> str:
        return f"event {self.event_id} in run {self.run_id}"
