"""Every PATCH of the API changes only the fields it is sent: the others stay as they were.

The endpoints come from the schema itself, so a PATCH added anywhere is covered: one without a
fixture below fails, naming itself, until it gets one. Each field of the PATCH body is sent on its
own, with a valid new value, and the object is compared column by column (many-to-many included)
before and after: the field sent must change, and nothing else may.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.db.models import Model
from django.forms.models import model_to_dict
from django.test import Client
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from knowledge.models import KnowledgeCategory
from platform_.identity.models import FirmMember, FirmRole
from projects.models import Project
from tests.api.factories import bearer, endpoint_for, issue_key
from tests.factories import CapabilityFactory, ClusterFactory, FirmFactory, MembershipFactory, active_member, person_in
from tests.knowledge.factories import make_asset


@dataclass
class PatchCase:
    """An object the caller may PATCH, its URL, and a valid new value for every field of the body."""

    url: str
    auth: dict[str, Any]
    target: Model
    changes: dict[str, Any]
    # Fields that, sent alone, change other columns too (by a rule of the domain).
    also: dict[str, set[str]] = field(default_factory=dict)
    # Columns derived from the others (a search index), which any change may refresh.
    derived: set[str] = field(default_factory=set)


def _schema() -> dict[str, Any]:
    return SchemaGenerator(api_version="v1").get_schema(request=None, public=True)


def _patch_operations() -> list[tuple[str, list[str]]]:
    schema = _schema()
    found = []
    for path, operations in sorted(schema["paths"].items()):
        if "patch" not in operations:
            continue
        body = operations["patch"]["requestBody"]["content"]["application/json"]["schema"]
        component = schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[-1]]
        found.append((path, sorted(component["properties"])))
    return found


def _key_of(firm: Any, owner: Any) -> dict[str, Any]:
    return bearer(issue_key(firm=firm, by=owner).token)


def _asset() -> PatchCase:
    cluster = ClusterFactory.create()
    firm, owner = active_member(cluster)
    other_cluster = ClusterFactory.create()
    MembershipFactory.create(cluster=other_cluster, firm=firm)
    partner = FirmFactory.create()
    category = KnowledgeCategory.objects.create(code="patch.test", name_zh="测试", name_en="Test")
    asset = make_asset(
        firm=firm,
        by=owner,
        publish=False,
        summary_zh="摘要",
        summary_en="Summary",
        body="Body",
        licence="cc_by",
        access_level="clusters",
        access_clusters=[cluster],
    )
    return PatchCase(
        url=f"/api/v1/assets/{asset.pk}/",
        auth=_key_of(firm, owner),
        target=asset,
        changes={
            "access_level": "public",
            "access_clusters": [other_cluster.pk],
            "access_firms": [partner.pk],
            "body": "A new body",
            "categories": [category.code],
            "creation_cost": "1234.00",
            "kind": "patent",
            "licence": "cc0",
            "licence_terms": "Use freely.",
            "summary_en": "A new summary",
            "summary_zh": "新的摘要",
            "tags": ["new-tag"],
            "title_en": "A new title",
            "title_zh": "新的标题",
        },
        also={"access_level": {"access_clusters", "access_firms"}},  # public: no lists of who may see it
        derived={"search_document", "search_vector", "search_translations", "search_vector_bilingual"},
    )


def _firm() -> PatchCase:
    firm, owner = active_member(ClusterFactory.create())
    firm.website = "https://old.example.com"
    firm.description = "Old"
    firm.save()
    return PatchCase(
        url=f"/api/v1/firms/{firm.pk}/",
        auth=_key_of(firm, owner),
        target=firm,
        changes={
            "capabilities": [CapabilityFactory.create().code],
            "needs": [CapabilityFactory.create().code],
            "city": "温州",
            "description": "New",
            "name_en": "New name",
            "name_zh": "新名字",
            "province": "44" if firm.province != "44" else "33",
            "sectors": ["17"],
            "size": "large" if firm.size != "large" else "micro",
            "website": "https://new.example.com",
        },
    )


def _person() -> PatchCase:
    firm, owner = active_member(ClusterFactory.create())
    person = person_in(firm, role=FirmRole.MEMBER)
    member = FirmMember.objects.get(firm=firm, user=person)
    return PatchCase(
        url=f"/api/v1/firms/{firm.pk}/people/{member.pk}/",
        auth=_key_of(firm, owner),
        target=member,
        changes={"role": FirmRole.ADMIN},
    )


def _draft_project(client: Client, auth: dict[str, Any]) -> int:
    created = client.post(
        "/api/v1/projects/",
        {
            "title": "Gearbox",
            "brief": "Quieter",
            "requirements": "Below 60 dB",
            "confidential_brief": "Supplier list",
            "terms": "Standard terms",
            "deadline": (timezone.now() + timedelta(days=5)).isoformat(),
            "award_amount": "1000.00",
            "award_other": "Supply contract",
            "ip_terms": "exclusive",
        },
        content_type="application/json",
        **auth,
    )
    assert created.status_code == 201, created.content
    return int(created.json()["id"])


def _project() -> PatchCase:
    cluster = ClusterFactory.create()
    firm, owner = active_member(cluster)
    invited = FirmFactory.create()
    auth = _key_of(firm, owner)
    pk = _draft_project(Client(), auth)
    return PatchCase(
        url=f"/api/v1/projects/{pk}/",
        auth=auth,
        target=Project.objects.get(pk=pk),
        changes={
            "award_amount": "2500.00",
            "award_other": "A visit",
            "brief": "Much quieter",
            "cluster_id": cluster.pk,
            "confidential_brief": "Another list",
            "deadline": (timezone.now() + timedelta(days=9)).isoformat(),
            "eligibility": "clusters",
            "eligible_cluster_ids": [cluster.pk],
            "invited_firm_ids": [invited.pk],
            "ip_terms": "assignment",
            "kind": "rfp",
            "requirements": "Below 50 dB",
            "terms": "Other terms",
            "title": "Quiet gearbox",
        },
    )


def _criterion() -> PatchCase:
    firm, owner = active_member(ClusterFactory.create())
    auth = _key_of(firm, owner)
    client = Client()
    pk = _draft_project(client, auth)
    created = client.post(
        f"/api/v1/projects/{pk}/criteria/",
        {"name": "Noise", "description": "Measured at 1 m", "weight": "2", "scale_min": 1, "scale_max": 5},
        content_type="application/json",
        **auth,
    )
    assert created.status_code == 201, created.content
    criterion = Project.objects.get(pk=pk).criteria.get()
    return PatchCase(
        url=f"/api/v1/projects/{pk}/criteria/{criterion.pk}/",
        auth=auth,
        target=criterion,
        changes={"description": "At 2 m", "name": "Loudness", "scale_max": 7, "scale_min": 2, "weight": "3"},
    )


def _webhook_endpoint() -> PatchCase:
    firm, owner = active_member(ClusterFactory.create())
    endpoint = endpoint_for(firm=firm, by=owner, events=["asset.published"])
    endpoint.description = "ERP"
    endpoint.save()
    return PatchCase(
        url=f"/api/v1/webhooks/endpoints/{endpoint.pk}/",
        auth=_key_of(firm, owner),
        target=endpoint,
        changes={
            "active": False,
            "description": "PLM",
            "events": ["project.opened"],
            "url": "https://other-receiver.example.test/hook",
        },
    )


# One builder per PATCH endpoint of the schema (its path as the schema spells it).
FIXTURES: dict[str, Callable[[], PatchCase]] = {
    "/api/v1/assets/{id}/": _asset,
    "/api/v1/firms/{firm_pk}/people/{id}/": _person,
    "/api/v1/firms/{id}/": _firm,
    "/api/v1/projects/{id}/": _project,
    "/api/v1/projects/{id}/criteria/{criterion_id}/": _criterion,
    "/api/v1/webhooks/endpoints/{id}/": _webhook_endpoint,
}


def _snapshot(target: Model) -> dict[str, Any]:
    """Every column and many-to-many of the row as stored now."""
    fresh = type(target)._default_manager.get(pk=target.pk)
    values = model_to_dict(fresh)
    for key, value in values.items():
        if isinstance(value, list) and value and isinstance(value[0], Model):
            values[key] = sorted(item.pk for item in value)
    for column in fresh._meta.concrete_fields:  # model_to_dict skips non-editable columns
        values.setdefault(column.attname, getattr(fresh, column.attname))
    return values


CASES = [(path, name) for path, fields in _patch_operations() for name in fields]


def test_every_patch_endpoint_has_a_fixture() -> None:
    missing = [path for path, _fields in _patch_operations() if path not in FIXTURES]
    assert not missing, (
        f"PATCH endpoints without a fixture in {__name__}.FIXTURES: {missing}. Add a builder returning a "
        "PatchCase (an object, its URL, a key, a new value for every field) so that the test proves a "
        "PATCH there keeps the fields it is not sent."
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "name"), CASES, ids=[f"{path}:{name}" for path, name in CASES])
def test_patch_of_one_field_keeps_every_other_field(path: str, name: str) -> None:
    if path not in FIXTURES:
        pytest.fail(f"No fixture for PATCH {path} in {__name__}.FIXTURES: add one (see PatchCase).")
    case = FIXTURES[path]()
    assert name in case.changes, f"PATCH {path}: the fixture gives no new value for the field {name!r}"
    before = _snapshot(case.target)
    response = Client(HTTP_ACCEPT_LANGUAGE="en").patch(
        case.url, {name: case.changes[name]}, content_type="application/json", **case.auth
    )
    assert response.status_code == 200, (path, name, response.content)
    after = _snapshot(case.target)
    changed = {key for key in before if before[key] != after[key]}
    columns = {name, f"{name}_id", name.removesuffix("_id"), name.removesuffix("_ids") + "s"}
    allowed = columns | case.also.get(name, set()) | case.derived | {"updated_at"}
    assert changed - allowed == set(), f"PATCH {path} with only {name!r} changed {sorted(changed - allowed)} too"
    assert changed & (columns | case.also.get(name, set())), f"PATCH {path} with {name!r} changed nothing"
