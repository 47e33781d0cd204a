"""Garbage-collector settings of the ASGI server process, applied once the application is loaded.

A server holding hundreds of sockets keeps a few hundred thousand objects alive, and each full
(generation 2) collection walks all of them with the event loop stopped. Measured with 500
sockets in one room (docs/performance.md): a full collection of 130-200 ms every few seconds,
landing on whichever message was being delivered, was the room's delivery tail (p99). So:

- the objects alive after start-up (modules, classes, settings, URL patterns: about 120,000)
  move to the permanent generation and are never walked again;
- generation 0 is collected after 10,000 allocations instead of 700, so the short-lived objects
  of a fan-out in flight (frames, queue items, tasks) are seldom alive at a collection and
  promoted to the older generations, which is what made full collections frequent. Reference
  counting still frees at once everything that is not in a cycle; cycles wait a little longer.

``make run`` sets ``SERVER_GC_TUNING=1`` for its web server (``platform_/launch.py``); other
processes that import the application (tests, management commands) keep Python's defaults.
"""

from __future__ import annotations

import gc
import os

GEN0_THRESHOLD = 10_000


def enabled() -> bool:
    return os.environ.get("SERVER_GC_TUNING") == "1"


def tune_for_server() -> None:
    gc.collect()
    gc.freeze()
    _gen0, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(GEN0_THRESHOLD, gen1, gen2)
