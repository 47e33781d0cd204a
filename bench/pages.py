"""Benchmark of the main pages at 10,000 firms / 50,000 assets / 400,000 use events: p50 / p95 per page,
as a signed-in member of the largest cluster (target: every p95 under 150 ms).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vc_bench_pages REDIS_URL=redis://127.0.0.1:6379/10 \\
        .venv/bin/python -m bench.pages [--firms 10000] [--events 400000] [--requests 40]

Generates the platform into its own database when it holds fewer firms than asked (the spillover
benchmark's COPY generator: firms over provinces and clusters, five co-owned, categorised assets per
firm, use events; then sectors, search vectors, people, 2,000 challenges, notifications, an agency
and a belt, a spillover run and the open statistics), with a progress bar per stage. Then requests
each page ``--requests`` times through Django's test client in this process (server time, no
network; DEBUG off) and prints p50 / p95 / max, the queries and the response size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MEMBER_EMAIL = "bench-pages-member@example.test"
PROJECTS = 2_000
NOTIFICATIONS = 500
TARGET_MS = 150.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def seed(firms: int, events: int) -> None:
    """The record at the asked size, then what the pages need around it; one progress bar over the stages."""
    from tqdm import tqdm

    from bench.observatory import spread_firms
    from bench.spillover_recompute import generate

    stages: list[tuple[str, Any]] = [
        ("firms, clusters, assets, use events (COPY)", lambda: generate(firms, events)),
        ("sectors and registration dates", spread_firms),
        ("search vectors", _vectorise),
        ("people", _people),
        ("challenges", _projects),
        ("notifications", _notifications),
        ("agency and belt", _agency_and_belt),
        ("spillover run", _spillover_run),
        ("open statistics", _open_statistics),
        ("cluster activity", _cluster_activity),
    ]
    with tqdm(total=len(stages), unit="stage", file=sys.stderr) as bar:
        for name, build in stages:
            bar.set_description(name)
            started = time.perf_counter()
            build()
            bar.write(f"  {name}: {time.perf_counter() - started:.1f} s")
            bar.update(1)


def _vectorise() -> None:
    """Titles into the search vectors (the generator writes bare rows), in one UPDATE."""
    from django.db import connection

    from knowledge.search import CONFIG

    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE knowledge_asset SET search_document = title_en, "
            f"search_vector = setweight(to_tsvector('{CONFIG}', title_en), 'A') WHERE search_vector IS NULL"
        )


def _largest_cluster() -> Any:
    from django.db.models import Count

    from clusters.models import Cluster

    return Cluster.objects.annotate(n=Count("memberships")).order_by("-n", "id").first()


def _people() -> None:
    """The signed-in member (owner of a firm of the largest cluster), a colleague, and a rival firm's owner."""
    from clusters.models import ClusterMembership
    from platform_.identity.models import Firm, FirmMember, FirmRole, User

    cluster = _largest_cluster()
    firm_ids = list(
        ClusterMembership.objects.filter(cluster=cluster, status="active")
        .order_by("firm_id")[:2]
        .values_list("firm_id", flat=True)
    )
    Firm.objects.filter(pk__in=firm_ids).update(verification="verified")
    for email, firm_id, role in (
        (MEMBER_EMAIL, firm_ids[0], FirmRole.OWNER),
        ("bench-pages-colleague@example.test", firm_ids[0], FirmRole.MEMBER),
        ("bench-pages-rival@example.test", firm_ids[1], FirmRole.OWNER),
    ):
        user = _user(email)
        FirmMember.objects.filter(user=user).delete()  # of an earlier seeding's firms
        FirmMember.objects.create(firm_id=firm_id, user=user, role=role)
    admin = _user("bench-pages-admin@example.test")
    User.objects.filter(pk=admin.pk).update(is_staff=True, is_superuser=True)


def _user(email: str) -> Any:
    """The bench's person of that address, kept across seedings (the audit log refers to them)."""
    from platform_.identity.models import User

    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password="bench-pages-123", display_name=email.split("@")[0])
    return user


def _seeded() -> bool:
    """Whether every stage ran (the last one leaves the open statistics, the challenges a sponsored one)."""
    from observatory.selectors import open_statistics_current
    from projects.models import Project

    return Project.objects.filter(title="Bench: our loom frame").exists() and open_statistics_current() is not None


def _member() -> Any:
    from platform_.identity.models import FirmMember

    return FirmMember.objects.select_related("user", "firm").get(user__email=MEMBER_EMAIL)


def _projects() -> None:
    """Open challenges of many firms; one of the member's firm with solvers, one it has entered."""
    from django.utils import timezone

    from platform_.identity.models import Firm
    from projects import services
    from projects.models import Criterion, Project, TermsAcceptance

    member = _member()
    deadline = timezone.now() + timedelta(days=30)
    sponsors = list(Firm.objects.exclude(pk=member.firm_id).order_by("id").values_list("id", flat=True)[:PROJECTS])
    common = {
        "brief": "Design a lighter loom frame.",
        "terms": "Entries are original work.",
        "deadline": deadline,
        "award_amount": Decimal(50000),
    }
    Project.objects.bulk_create(
        [Project(sponsor_id=s, title=f"Bench challenge {i}", status="open", **common) for i, s in enumerate(sponsors)],
        batch_size=1000,
    )
    sponsored = Project.objects.create(
        sponsor=member.firm, created_by=member.user, title="Bench: our loom frame", status="open", **common
    )
    Criterion.objects.create(project=sponsored, name="Weight saving", weight=Decimal(1), scale_min=0, scale_max=10)
    TermsAcceptance.objects.bulk_create(
        [TermsAcceptance(project=sponsored, firm_id=s, terms_sha256="0" * 64) for s in sponsors[:300]]
    )
    entered = Project.objects.filter(title="Bench challenge 0").get()
    services.terms_accept(project=entered, by=member.user, firm=member.firm)


def _notifications() -> None:
    from platform_.notifications.models import Notification

    user = _member().user
    Notification.objects.filter(recipient=user).delete()
    Notification.objects.bulk_create(
        [Notification(recipient=user, kind="system", title=f"Bench note {i}") for i in range(NOTIFICATIONS)]
    )


def _agency_and_belt() -> None:
    from agencies import services as agency_services
    from agencies.models import AgencyKind
    from belts import services as belt_services
    from platform_.identity.models import Sector, User

    admin = User.objects.get(email="bench-pages-admin@example.test")
    officer = _user("bench-pages-officer@example.test")
    agency = agency_services.agency_register(
        by=officer, name_zh="浙江省经济和信息化厅", kind=AgencyKind.PROVINCE, regions=[("33", "")]
    )
    agency_services.agency_decide(agency=agency, by=admin, approve=True)
    sector = Sector.objects.filter(firms__province="33").order_by("code").first()
    belt_services.belt_create(
        by=admin, name_zh="浙江产业带", name_en="Zhejiang belt", province="33", sectors=[sector] if sector else []
    )


def _spillover_run() -> None:
    from spillover import services

    services.run_compute(run_id=services.run_start().pk)


def _open_statistics() -> None:
    from observatory.services import open_statistics_refresh

    open_statistics_refresh()


def _cluster_activity() -> None:
    """What the hourly beat task stores for the agencies' dashboard."""
    from agencies.services import cluster_activity_refresh

    cluster_activity_refresh()


def pages() -> tuple[dict[str, str], dict[str, str]]:
    """The main pages as the member sees them, and the agency's page as its officer sees it."""
    from django.urls import reverse

    from agencies.models import Agency
    from belts.models import Belt
    from knowledge.models import AssetOwnership
    from platform_.identity.models import FirmMember
    from projects.models import Project

    member = _member()
    cluster = _largest_cluster()
    rival = FirmMember.objects.get(user__email="bench-pages-rival@example.test")
    colleague = FirmMember.objects.get(user__email="bench-pages-colleague@example.test")
    own_asset = AssetOwnership.objects.filter(firm=member.firm).values_list("asset_id", flat=True).first()
    sponsored = Project.objects.get(title="Bench: our loom frame")
    entered = Project.objects.get(title="Bench challenge 0")
    member_pages = {
        "home": reverse("home"),
        "clusters": reverse("clusters:index"),
        "cluster": cluster.get_absolute_url(),
        "cluster members, page 2": cluster.get_absolute_url() + "?members_page=2",
        "cluster spillover": reverse("spillover:cluster", args=[cluster.pk]),
        "knowledge": reverse("knowledge:index"),
        "asset (own)": reverse("knowledge:detail", args=[own_asset]),
        "search": reverse("knowledge:index") + "?q=asset",
        "projects": reverse("projects:index"),
        "project, as sponsor": reverse("projects:detail", args=[sponsored.pk]),
        "project, as solver": reverse("projects:detail", args=[entered.pk]),
        "spillover": reverse("spillover:index"),
        "observatory": reverse("observatory:index"),
        "observatory province": reverse("observatory:province", args=["33"]),
        "observatory clusters": reverse("observatory:clusters"),
        "agencies": reverse("agencies:index"),
        "belts": reverse("belts:index"),
        "belt": reverse("belts:detail", args=[Belt.objects.order_by("id").first().pk]),  # type: ignore[union-attr]
        "notifications": reverse("notifications:index"),
        "own firm": reverse("identity:firm-detail", args=[member.firm_id]),
        "another firm": reverse("identity:firm-detail", args=[rival.firm_id]),
        "colleague": reverse("reputation:person", args=[colleague.user_id]),
        "rooms": reverse("realtime:list"),
        "cluster room": reverse("realtime:room", args=["cluster", cluster.pk]),
    }
    agency = Agency.objects.filter(members__user__email="bench-pages-officer@example.test").order_by("-id").first()
    officer_pages = {"agency, as its officer": reverse("agencies:detail", args=[agency.pk])}  # type: ignore[union-attr]
    return member_pages, officer_pages


def client_for(email: str, firm_id: int | None = None) -> Any:
    from django.test import Client

    from platform_.identity.models import User

    client = Client(headers={"accept-language": "zh-hans"})
    client.force_login(User.objects.get(email=email))
    if firm_id is not None:
        session = client.session
        session["current_firm_id"] = firm_id
        session.save()
    return client


def measure(client: Any, name: str, url: str, requests: int) -> tuple[float, float]:
    from django.db import connection

    for _ in range(2):  # the first reads fill the process's caches
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
    queries = []  # counted by a wrapper: with DEBUG off each request starts with the query log cleared

    def count(execute: Any, sql: str, *args: Any) -> Any:
        queries.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(count):
        client.get(url)
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    p50, p95 = statistics.median(times), percentile(times, 0.95)
    size = len(response.content)
    print(f"{name:<26} {p50:8.1f} {p95:8.1f} {max(times):8.1f} {len(queries):8d} {size:9,}", flush=True)
    return p50, p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--firms", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=400_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--regenerate", action="store_true", help="generate the data even if enough firms exist")
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")
    os.environ.setdefault("DEBUG", "false")  # no query log, no debug pages: as served
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    from knowledge.models import Asset, UseEvent
    from platform_.identity.models import Firm

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    if options.regenerate or Firm.objects.count() < options.firms or not _seeded():
        started = time.perf_counter()
        seed(options.firms, options.events)
        print(f"seeded in {time.perf_counter() - started:.0f} s")
    print(
        f"record: {Firm.objects.count():,} firms, {Asset.objects.count():,} assets, "
        f"{UseEvent.objects.count():,} use events; load average {os.getloadavg()[0]:.2f}"
    )
    from agencies.models import ClusterActivity

    if not ClusterActivity.objects.exists():  # data seeded before the stage existed
        _cluster_activity()
    member = _member()
    member_pages, officer_pages = pages()
    print(f"{'page':<26} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8} {'bytes':>9}")
    results = {}
    as_member = client_for(MEMBER_EMAIL, member.firm_id)
    for name, url in member_pages.items():
        results[name] = measure(as_member, name, url, options.requests)
    as_officer = client_for("bench-pages-officer@example.test")
    for name, url in officer_pages.items():
        results[name] = measure(as_officer, name, url, options.requests)
    worst = max(results, key=lambda name: results[name][1])
    print(
        f"worst p95: {results[worst][1]:.1f} ms ({worst}; target under {TARGET_MS:.0f} ms); "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
