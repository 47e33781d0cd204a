"""Parameters of the spillover model: depreciation rate and event weights, validated."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

KINDS: tuple[str, ...] = ("view", "download", "licence", "citation", "derivation")
KIND_INDEX: dict[str, int] = {k: i for i, k in enumerate(KINDS)}

DEFAULT_WEIGHTS: dict[str, float] = {
    "view": 0.05,
    "download": 0.2,
    "licence": 0.6,
    "citation": 1.0,
    "derivation": 1.0,
}

SECONDS_PER_YEAR = 365.25 * 86400.0


class InvalidParameters(ValueError):
    """Weights or decay that break the ordering or range the literature fixes."""


@dataclass(frozen=True)
class Parameters:
    """``delta`` is the yearly depreciation (BSV's 15 %); ``weights`` maps event kind to weight."""

    delta: float = 0.15
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    months: int = 24

    def __post_init__(self) -> None:
        if not 0.0 <= self.delta < 1.0:
            raise InvalidParameters("delta must lie in [0, 1)")
        if set(self.weights) != set(KINDS):
            raise InvalidParameters(f"weights must name exactly {', '.join(KINDS)}")
        w = self.weights
        if any(not math.isfinite(v) or v < 0 for v in w.values()):
            raise InvalidParameters("weights must be finite and non-negative")
        ordered = (
            w["view"] < w["download"] < w["licence"]
            and w["licence"] <= w["citation"]
            and w["licence"] <= w["derivation"]
        )
        if not ordered:
            raise InvalidParameters("weights must satisfy view < download < licence ≤ citation, derivation")
        if not 1 <= self.months <= 240:
            raise InvalidParameters("months must lie in [1, 240]")

    @property
    def lam(self) -> float:
        """Continuous decay rate per year: λ = −ln(1 − δ)."""
        return -math.log1p(-self.delta)

    @property
    def half_life(self) -> float:
        return math.log(2.0) / self.lam if self.lam > 0 else math.inf

    def weight_vector(self) -> list[float]:
        return [self.weights[k] for k in KINDS]

    def as_dict(self) -> dict[str, Any]:
        return {"delta": self.delta, "weights": dict(self.weights), "months": self.months}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Parameters:
        data = data or {}
        weights = dict(DEFAULT_WEIGHTS)
        weights.update({k: float(v) for k, v in (data.get("weights") or {}).items()})
        return cls(delta=float(data.get("delta", 0.15)), weights=weights, months=int(data.get("months", 24)))
