"""Writes of the spillover app: full recompute runs and incremental folding of new use events.

A run (``runs``) reads a snapshot of the platform and streams the use events from PostgreSQL with
binary COPY in bounded batches (``snapshot``), computes the model of ``spillover.model`` in memory,
no n × n matrix (``figures``; the record of use folded partition by partition, here or by Celery
map workers with the same figures to the last bit: ``partitions``), writes its figures with COPY
(``store``), reports its progress as it goes (``progress``), and only then becomes current. New
events are folded into the current run incrementally and exactly through the same model (``fold``:
flows, pair flows, uses, breadth); the periodic recompute refreshes the rest, which every surface
marks as of the last full run (docs/spillover.md).
"""

from spillover.services.figures import ClusterProvinces, Figures, compute, figures
from spillover.services.fold import events_fold, events_fold_into
from spillover.services.parameters import parameters_validate
from spillover.services.progress import Progress
from spillover.services.runs import RECOMPUTE_LOCK, run_compute, run_resume_or_start, run_start
from spillover.services.snapshot import Snapshot, ids_locate, stream_events
from spillover.services.store import figures_write

__all__ = [
    "RECOMPUTE_LOCK",
    "ClusterProvinces",
    "Figures",
    "Progress",
    "Snapshot",
    "compute",
    "events_fold",
    "events_fold_into",
    "figures",
    "figures_write",
    "ids_locate",
    "parameters_validate",
    "run_compute",
    "run_resume_or_start",
    "run_start",
    "stream_events",
]
