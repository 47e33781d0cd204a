"""The spillover model as plain functions over numpy / scipy.sparse arrays (no Django).

Sources: Jaffe (1986); Jaffe, Trajtenberg & Henderson (1993); Trajtenberg, Henderson & Jaffe
(1997); Bloom, Schankerman & Van Reenen (2013); Krackhardt & Stern (1988); Brin & Page (1998).
"""

from .flows import (
    FlowAccumulator,
    Structure,
    absorption_rate,
    cluster_figures,
    cluster_stock_contrib,
    decayed_series,
    equal_shares,
    event_values,
    flow_matrix,
    inflow_outflow,
    month_end,
    month_index,
    one_hot,
    region_figures,
    row_normalise,
    shared_membership,
    top_pairs,
)
from .params import DEFAULT_WEIGHTS, KIND_INDEX, KINDS, InvalidParameters, Parameters
from .proximity import (
    cluster_pools,
    decay,
    jaffe_pool,
    knowledge_stocks,
    mahalanobis_pool,
    omega,
    profiles,
    tech_pairs,
    techm_pairs,
    years,
)
from .reach import asset_reach, descendants, generality, pagerank

__all__ = [
    "DEFAULT_WEIGHTS",
    "KINDS",
    "KIND_INDEX",
    "FlowAccumulator",
    "InvalidParameters",
    "Parameters",
    "Structure",
    "absorption_rate",
    "asset_reach",
    "cluster_figures",
    "cluster_pools",
    "cluster_stock_contrib",
    "decay",
    "decayed_series",
    "descendants",
    "equal_shares",
    "event_values",
    "flow_matrix",
    "generality",
    "inflow_outflow",
    "jaffe_pool",
    "knowledge_stocks",
    "mahalanobis_pool",
    "month_end",
    "month_index",
    "omega",
    "one_hot",
    "pagerank",
    "profiles",
    "region_figures",
    "row_normalise",
    "shared_membership",
    "tech_pairs",
    "techm_pairs",
    "top_pairs",
    "years",
]
