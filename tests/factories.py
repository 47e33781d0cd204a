"""Factories for the platform's objects (factory_boy); every domain's tests build data here."""

from __future__ import annotations

import random
from typing import Any

import factory
from django.utils import timezone

from clusters.models import Cluster, ClusterMembership, ClusterStatus, JoinPolicy, MembershipStatus
from platform_.identity.credit_code import ALPHABET, check_character
from platform_.identity.models import Capability, Firm, FirmMember, FirmRole, Sector, User


def make_credit_code(seed: int) -> str:
    """A valid unified social credit code, distinct for each seed."""
    rng = random.Random(seed)
    body = "91" + "330100" + "".join(rng.choice(ALPHABET) for _ in range(9))
    return body + check_character(body)


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.test")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", "pass-word-123")

    @factory.post_generation
    def verified(obj: User, create: bool, extracted: Any, **kwargs: Any) -> None:
        """Mark the e-mail verified so that allauth lets the person log in."""
        if create:
            from allauth.account.models import EmailAddress

            obj.save()
            EmailAddress.objects.get_or_create(user=obj, email=obj.email, defaults={"verified": True, "primary": True})


class CapabilityFactory(factory.django.DjangoModelFactory[Capability]):
    class Meta:
        model = Capability
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test.cap{n}")
    name_zh = factory.Sequence(lambda n: f"能力{n}")
    name_en = factory.Sequence(lambda n: f"Capability {n}")


def any_sector() -> Sector:
    return Sector.objects.order_by("code").first() or Sector.objects.create(
        code="17", section="C", name_zh="纺织业", name_en="Manufacture of textiles"
    )


class FirmFactory(factory.django.DjangoModelFactory[Firm]):
    class Meta:
        model = Firm
        skip_postgeneration_save = True

    name_zh = factory.Sequence(lambda n: f"测试企业{n}")
    name_en = factory.Sequence(lambda n: f"Test Firm {n}")
    credit_code = factory.Sequence(make_credit_code)
    province = "33"
    city = "杭州"
    # Verified by default so that tests of other behaviour need not verify; tests/verification covers the rest.
    verification = "verified"
    verified_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def sectors(obj: Firm, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            obj.sectors.set(extracted if extracted is not None else [any_sector()])

    @factory.post_generation
    def capabilities(obj: Firm, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            obj.capabilities.set(extracted)

    @factory.post_generation
    def needs(obj: Firm, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            obj.needs.set(extracted)


class FirmMemberFactory(factory.django.DjangoModelFactory[FirmMember]):
    class Meta:
        model = FirmMember

    firm = factory.SubFactory(FirmFactory)
    user = factory.SubFactory(UserFactory)
    role = FirmRole.OWNER


class ClusterFactory(factory.django.DjangoModelFactory[Cluster]):
    class Meta:
        model = Cluster
        skip_postgeneration_save = True

    name_zh = factory.Sequence(lambda n: f"测试集群{n}")
    name_en = factory.Sequence(lambda n: f"Test Cluster {n}")
    slug = factory.Sequence(lambda n: f"test-cluster-{n}")
    theme = "Textile machinery"
    join_policy = JoinPolicy.APPLICATION
    status = ClusterStatus.APPROVED
    proposed_by = factory.SubFactory(FirmFactory)

    @factory.post_generation
    def moderators(obj: Cluster, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            obj.moderators.set(extracted)


class MembershipFactory(factory.django.DjangoModelFactory[ClusterMembership]):
    class Meta:
        model = ClusterMembership

    cluster = factory.SubFactory(ClusterFactory)
    firm = factory.SubFactory(FirmFactory)
    status = MembershipStatus.ACTIVE
    joined_at = factory.LazyFunction(timezone.now)


def firm_with_owner(**firm_fields: Any) -> tuple[Firm, User]:
    """A firm and its owner, the most common pair in tests."""
    member = FirmMemberFactory.create(firm=FirmFactory.create(**firm_fields), role=FirmRole.OWNER)
    return member.firm, member.user


def active_member(cluster: Cluster, **firm_fields: Any) -> tuple[Firm, User]:
    """A firm with an owner, active in the cluster."""
    firm, owner = firm_with_owner(**firm_fields)
    MembershipFactory.create(cluster=cluster, firm=firm)
    return firm, owner


def person_in(firm: Firm, role: str = FirmRole.MEMBER) -> User:
    """A new person in the firm with the role."""
    return FirmMemberFactory.create(firm=firm, role=role).user


def database_url_of_test_db() -> str:
    """A DATABASE_URL for the test database pytest-django created, for servers and workers the tests start.

    The host may be a socket directory (the self-started PostgreSQL listens on one): it is
    percent-encoded, as dj-database-url expects.
    """
    from urllib.parse import quote

    from django.db import connection

    settings = connection.settings_dict
    host = settings["HOST"] or "127.0.0.1"
    if host.startswith("/"):
        host = quote(host, safe="")
    auth = quote(settings["USER"] or "", safe="")
    if settings["PASSWORD"]:
        auth += ":" + quote(settings["PASSWORD"], safe="")
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    return f"postgres://{auth}@{host}{port}/{settings['NAME']}"
