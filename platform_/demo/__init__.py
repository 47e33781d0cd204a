"""Demo data: the mechanism that runs the builders of every domain, in order, for ``manage.py demo_data``.

The registry contract
---------------------
Each domain builds its own demo data in a module ``<app>/demo.py`` (``clusters/demo.py``,
``knowledge/demo.py``, ``spillover/demo.py``; the platform's people and firms in
``platform_/demo/identity.py``), found in the installed apps when the stages are first asked
for. The module registers its stage when imported::

    demo_stage_register(DemoStage(name="clusters", order=20, build=build))

with ``build(ctx: DemoContext) -> None`` and, if it needs options of its own (say
``--events 10000000``), ``add_arguments(parser)``, whose values reach the builder as
``ctx.options["events"]``. Stages run by ``order`` (identity 10, clusters 20, knowledge 30,
projects 40, events 50). This package holds what every builder shares: the context, the bulk
writers (``platform_.demo.bulk``), the places and names (``platform_.demo.places``). A builder

- draws every random choice from ``ctx.rng("<stage>")`` (or ``ctx.rng("<stage>:<key>")`` for
  streams that must not shift when counts change): a fixed ``--seed`` then gives the same
  data, and one stage's draws never disturb another's;
- scales with ``ctx.firms`` (the ``--firms`` option) and keeps memory bounded: write in
  batches (``platform_.demo.bulk``: ``copy_rows``/``copy_objects`` stream rows with
  PostgreSQL COPY, ``allocate_ids`` reserves primary keys first) and reuse the services
  (so that audit and history rows exist) only for the small, hand-made core
  (``ctx.core_firms`` firms);
- dates its history back from ``ctx.now`` (a past spread over months, not one instant);
- reads what earlier stages made from ``ctx.ids`` and ``ctx.facts`` and adds its own
  (listed below for identity; the domains' stages list theirs in their module
  docstring), and shows progress with ``ctx.progress``;
- does not e-mail, push or call webhooks: everything runs in one transaction, and the
  callbacks the services register with ``transaction.on_commit`` are dropped (the demo is
  history, not news). Work that must follow the commit goes to ``ctx.after_commit(fn)``.

``--only identity clusters`` (``ctx.stages``) builds a prefix of the stages, e.g. in a test of
one domain; ``--if-empty`` is decided by ``demo_data_exists()`` (the demo administrator exists),
which holds only once every stage has committed.

What the stages leave behind
----------------------------
identity: ``ids["users"]``, ``ids["firms"]`` (creation order; the first ``ctx.core_firms``
    were made with the services), ``facts["demo_users"]`` (e-mail -> user id, the published
    demo logins and the core firms' people), ``facts["admin_id"]``, and per firm id
    ``facts["firm_owner"]`` (user id), ``facts["firm_province"]`` (GB/T 2260 code),
    ``facts["firm_group"]`` (industry key of ``platform_.demo.places.GROUPS``).
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from tqdm import tqdm

DEFAULT_SEED = 2015
DEFAULT_FIRMS = 60
CORE_FIRMS = 60  # firms built through the services, with their audit trail; the rest go in bulk
ADMIN_EMAIL = "admin@demo.vc"
DEMO_DOMAIN = "demo.vc"


@dataclass
class DemoContext:
    """What every builder receives: the seed, the scale, progress bars and what earlier stages made."""

    seed: int = DEFAULT_SEED
    firms: int = DEFAULT_FIRMS
    options: dict[str, Any] = field(default_factory=dict)
    show_progress: bool = True
    stages: list[str] | None = None  # run only these stages (with the earlier ones they rely on); None: all
    now: datetime = field(default_factory=timezone.now)
    ids: dict[str, list[int]] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    log: Callable[[str], None] = print
    _after_commit: list[Callable[[], None]] = field(default_factory=list)

    @property
    def core_firms(self) -> int:
        return min(self.firms, CORE_FIRMS)

    def rng(self, stream: str) -> random.Random:
        """An independent, reproducible random stream for ``stream`` under this seed."""
        return random.Random(f"{self.seed}:{stream}")

    def progress(
        self, iterable: Iterable[Any] | None = None, *, total: int | None = None, desc: str = "", unit: str = "it"
    ) -> tqdm:
        """A tqdm progress bar (silent with ``--no-progress`` or verbosity 0)."""
        return tqdm(
            iterable, total=total, desc=desc, unit=unit, disable=not self.show_progress, dynamic_ncols=True, leave=True
        )

    def after_commit(self, fn: Callable[[], None]) -> None:
        self._after_commit.append(fn)


@dataclass(frozen=True)
class DemoStage:
    """One domain's builder: ``build(ctx)``, run after every stage of a lower ``order``."""

    name: str
    order: int
    build: Callable[[DemoContext], None]
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = None


_stages: dict[str, DemoStage] = {}
_discovered = False


def demo_stage_register(stage: DemoStage) -> None:
    """Register (or replace) a stage; a domain's ``demo`` module calls it when imported."""
    _stages[stage.name] = stage


def demo_stages(only: Iterable[str] | None = None) -> list[DemoStage]:
    """The registered stages in order (only those named in ``only``, if given); imports every installed
    app's ``demo`` module the first time."""
    global _discovered
    if not _discovered:
        from platform_.demo import identity  # noqa: F401 - the platform's own stage registers itself

        autodiscover_modules("demo")
        _discovered = True
    wanted = set(only) if only else None
    return sorted(
        (stage for stage in _stages.values() if wanted is None or stage.name in wanted),
        key=lambda stage: (stage.order, stage.name),
    )


def demo_data_exists() -> bool:
    """Fast check: the demo administrator exists only once the demo data were built (in one transaction)."""
    from platform_.identity.models import User

    return User.objects.filter(email=ADMIN_EMAIL).exists()


def build_all(ctx: DemoContext) -> DemoContext:
    """Run every builder in order in one transaction; nothing is sent on commit but ``ctx.after_commit`` work."""
    from platform_.identity.models import Sector
    from platform_.identity.reference import sync_reference_data

    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if not Sector.objects.exists():
            sync_reference_data()
        for stage in demo_stages(ctx.stages):
            ctx.log(f"demo data: {stage.name}")
            stage.build(ctx)
        if outermost:
            # The services queued pushes, e-mails and webhooks for the commit; the demo is history, not news.
            connection.run_on_commit.clear()
    for fn in ctx._after_commit:
        if outermost:
            fn()
        else:
            transaction.on_commit(fn)
    return ctx
