"""manage.py demo_data: reproducible, valid, realistic demo data, and the published demo logins work."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from clusters.models import Cluster, ClusterMembership, ClusterStatus, MembershipEvent, MembershipStatus
from platform_.audit.models import AuditEntry
from platform_.demo import DEFAULT_SEED
from platform_.demo.identity import ANCHORS, plan_firms
from platform_.identity.credit_code import validate_credit_code
from platform_.identity.data.capabilities import CAPABILITIES
from platform_.identity.data.sectors import SECTORS
from platform_.identity.models import Capability, Firm, Sector, User
from platform_.launch import DEMO_LOGINS, DEMO_PASSWORD

MIXED = 90  # 60 firms through the services, 30 by COPY
OWN_STAGES = ["identity", "clusters"]  # the other domains' builders are tested with their domains


def demo(**options: Any) -> None:
    call_command("demo_data", verbosity=0, no_progress=True, **options)


def firm_rows() -> list[tuple[str, str, str, str, str]]:
    return list(
        Firm.objects.order_by("credit_code").values_list("credit_code", "name_zh", "name_en", "province", "city")
    )


def test_reference_data_has_every_gbt_4754_division_and_a_two_level_taxonomy(db: Any) -> None:
    assert Sector.objects.count() == len(SECTORS) == 97
    assert Capability.objects.count() == len(CAPABILITIES)
    assert not Capability.objects.filter(parent__parent__isnull=False).exists()
    parent = Capability.objects.get(code="design.industrial").parent
    assert parent is not None
    assert parent.code == "design"


def test_the_plan_is_the_same_for_the_same_seed_and_differs_for_another() -> None:
    assert list(plan_firms(7, 200)) == list(plan_firms(7, 200))
    assert [p.credit_code for p in plan_firms(7, 200)] != [p.credit_code for p in plan_firms(8, 200)]


def test_a_larger_scale_keeps_the_first_firms() -> None:
    assert list(plan_firms(7, 20)) == list(plan_firms(7, 500))[:20]


def test_planned_credit_codes_are_valid_and_unique() -> None:
    codes = [plan.credit_code for plan in plan_firms(3, 5000)]
    assert len(set(codes)) == len(codes)
    for code in codes:
        validate_credit_code(code)


def test_a_rebuild_with_the_same_seed_gives_the_same_firms(transactional_db: Any) -> None:
    """--reset empties the database (TRUNCATE), which needs a real transaction of its own."""
    demo(firms=MIXED, seed=11, only=OWN_STAGES)
    first = firm_rows()
    demo(firms=MIXED, seed=11, only=OWN_STAGES, reset=True)
    assert firm_rows() == first
    assert len(first) == MIXED


def test_zhejiang_has_the_most_firms_and_the_five_coastal_provinces_most_of_them() -> None:
    provinces = Counter(plan.province for plan in plan_firms(2015, 3000))
    assert provinces.most_common(1)[0][0] == "33"
    ranking = [code for code, _n in provinces.most_common(3)]
    assert ranking == ["33", "44", "32"]
    coastal = sum(provinces[code] for code in ("33", "44", "32", "35", "37"))
    assert 0.78 < coastal / 3000 < 0.92


def test_bulk_firms_get_valid_codes_people_memberships_and_history(db: Any) -> None:
    demo(firms=MIXED, only=OWN_STAGES)
    for code in Firm.objects.values_list("credit_code", flat=True):
        validate_credit_code(code)
    bulk = Firm.objects.order_by("id")[60:]
    assert all(firm.members.filter(role="owner").count() == 1 for firm in bulk)
    assert all(firm.capabilities.exists() and firm.sectors.exists() for firm in bulk)
    bulk_memberships = ClusterMembership.objects.filter(firm__in=bulk)
    assert bulk_memberships.exists()
    assert MembershipEvent.objects.filter(membership__in=bulk_memberships).count() >= bulk_memberships.count()
    assert not MembershipEvent.objects.filter(at__gt=timezone.now()).exists()
    assert not ClusterMembership.objects.filter(created_at__lt=F("firm__created_at")).exists()
    assert not ClusterMembership.objects.filter(created_at__lt=F("cluster__created_at")).exists()


def test_copy_rows_fills_unnamed_fields_with_defaults_drawing_callables_per_row(db: Any) -> None:
    from platform_.demo.bulk import copy_rows
    from platform_.identity.models import FirmInvitation
    from tests.factories import firm_with_owner

    firm, _owner = firm_with_owner()
    copy_rows(FirmInvitation, ["firm_id", "email"], [(firm.pk, "a@example.test"), (firm.pk, "b@example.test")])
    invitations = list(FirmInvitation.objects.filter(firm=firm))
    assert len({invitation.token for invitation in invitations}) == 2
    assert all(invitation.is_open and invitation.role == "member" for invitation in invitations)


def test_too_few_firms_is_refused(db: Any) -> None:
    with pytest.raises(CommandError):
        demo(firms=len(ANCHORS) - 1)


@pytest.fixture(scope="class")
def default_demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """The default demo data, every stage, as ``make run`` builds them; built once, rolled back after the class."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo()
        yield
        transaction.set_rollback(True)


@pytest.mark.usefixtures("default_demo")
class TestDefaultDemoData:
    def test_the_database_holds_the_planned_firms(self, db: Any) -> None:
        planned = sorted(
            (p.credit_code, p.name_zh, p.name_en, p.province, p.city) for p in plan_firms(DEFAULT_SEED, 60)
        )
        assert firm_rows() == planned

    def test_if_empty_does_nothing_the_second_time(self, db: Any) -> None:
        before = (User.objects.count(), Firm.objects.count(), ClusterMembership.objects.count())
        demo(if_empty=True)
        assert (User.objects.count(), Firm.objects.count(), ClusterMembership.objects.count()) == before

    def test_without_if_empty_existing_demo_data_are_an_error(self, db: Any) -> None:
        with pytest.raises(CommandError):
            demo()

    def test_all_stored_credit_codes_are_valid(self, db: Any) -> None:
        for code in Firm.objects.values_list("credit_code", flat=True):
            validate_credit_code(code)

    @pytest.mark.parametrize(("email", "_who"), DEMO_LOGINS)
    def test_each_demo_login_can_log_in(self, db: Any, client: Any, email: str, _who: str) -> None:
        assert client.login(email=email, password=DEMO_PASSWORD)

    def test_demo_logins_have_verified_primary_emails(self, db: Any) -> None:
        from allauth.account.models import EmailAddress

        for email, _who in DEMO_LOGINS:
            assert EmailAddress.objects.filter(email=email, verified=True, primary=True).exists()

    def test_the_admin_is_staff_and_superuser(self, db: Any) -> None:
        admin = User.objects.get(email="admin@demo.vc")
        assert admin.is_staff
        assert admin.is_superuser

    def test_the_hangzhou_owner_moderates_the_textile_machinery_cluster(self, db: Any) -> None:
        owner = User.objects.get(email="owner@hangzhou-textile.demo.vc")
        cluster = Cluster.objects.get(moderators=owner, status=ClusterStatus.APPROVED)
        assert "35" in {s.code for s in cluster.sectors.all()}
        assert cluster.home_province == "33"
        assert cluster.memberships.filter(status=MembershipStatus.APPLIED).exists()  # a queue to moderate

    def test_memberships_pass_through_every_state_with_history(self, db: Any) -> None:
        assert set(ClusterMembership.objects.values_list("status", flat=True)) == set(MembershipStatus.values)
        for membership in ClusterMembership.objects.all():
            assert list(membership.events.order_by("at", "id"))[-1].to_status == membership.status
        assert AuditEntry.objects.filter(action="membership.approve").exists()

    def test_online_belts_and_virtual_clusters_are_there(self, db: Any) -> None:
        belts = set(Cluster.objects.exclude(home_belt="").values_list("home_province", flat=True))
        assert {"34", "43", "22", "23"} <= belts  # Suzhou (Anhui), Zhuzhou, Liaoyuan, Heilongjiang
        assert Cluster.objects.filter(home_province="", status=ClusterStatus.APPROVED).count() >= 2
        statuses = set(Cluster.objects.values_list("status", flat=True))
        assert {ClusterStatus.APPROVED, ClusterStatus.PROPOSED, ClusterStatus.REJECTED} <= statuses

    def test_a_challenge_of_each_kind_is_open_and_the_demo_logins_take_part(self, db: Any, client: Any) -> None:
        from projects.models import Entry, Idea, Phase, Project, ProjectStatus, Proposal, Question

        projects = Project.objects.all()
        assert sorted(projects.values_list("kind", flat=True)) == ["design", "design", "ideation", "rfp"]
        assert set(projects.values_list("status", flat=True)) == {ProjectStatus.OPEN}
        hangzhou = Firm.objects.get(name_en__startswith="Hangzhou Hengjin")
        foshan = Firm.objects.get(name_en__startswith="Foshan Meiyi")
        design = projects.get(sponsor=hangzhou)
        assert Entry.objects.filter(project=design).count() == 2
        assert Question.objects.filter(project=design).exclude(answer="").exists()
        assert Phase.objects.filter(project__sponsor=foshan).count() == 2
        assert Idea.objects.filter(project__kind="ideation").count() == 3
        assert Proposal.objects.filter(project__kind="rfp").count() == 2
        client.login(email="owner@hangzhou-textile.demo.vc", password=DEMO_PASSWORD)
        for project in projects:
            assert client.get(project.get_absolute_url()).status_code == 200

    def test_every_admin_list_and_a_record_of_each_open_for_the_administrator(self, db: Any, client: Any) -> None:
        """Over the demo data: each registered model's list, and its first record's page where it has one."""
        from django.contrib import admin
        from django.urls import reverse

        client.login(email="admin@demo.vc", password=DEMO_PASSWORD)
        opened = 0
        for model in admin.site._registry:
            meta = model._meta
            listing = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
            assert listing.status_code == 200, meta.label
            first = model._default_manager.order_by("pk").first()
            if first is not None:
                page = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk]))
                assert page.status_code == 200, meta.label
                opened += 1
        assert opened >= 20

    def test_needs_are_met_by_firms_of_other_provinces(self, db: Any) -> None:
        firm = Firm.objects.get(name_en__startswith="Foshan Meiyi")
        needs = set(firm.needs.values_list("id", flat=True))
        providers = Firm.objects.filter(capabilities__in=needs).exclude(province=firm.province)
        assert providers.exists()


def test_each_domain_registers_its_own_stage_in_order() -> None:
    from platform_.demo import demo_stages

    stages = demo_stages()
    assert [stage.name for stage in stages] == ["identity", "clusters", "knowledge", "projects", "events", "belts"]
    assert [stage.build.__module__ for stage in stages] == [
        "platform_.demo.identity",
        "clusters.demo",
        "knowledge.demo",
        "projects.demo",
        "spillover.demo",
        "belts.demo",
    ]
