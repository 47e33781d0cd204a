"""The reputation API: a firm's track record for any signed-in caller, a person's for those who may see it."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from knowledge.models import UseKind
from knowledge.services import use_record
from tests.api.factories import bearer, issue_key
from tests.factories import firm_with_owner, person_in
from tests.knowledge.factories import make_asset

pytestmark = pytest.mark.django_db


def test_a_firm_s_track_record_with_its_reasons() -> None:
    firm, owner = firm_with_owner()
    asset = make_asset(firm=firm, by=owner)
    other, other_owner = firm_with_owner()
    use_record(firm=other, user=other_owner, asset=asset, kind=UseKind.LICENCE)
    use_record(firm=firm, user=owner, asset=asset, kind=UseKind.LICENCE)
    key = issue_key(firm=other, by=other_owner, scopes=["firms:read"])
    response = APIClient().get(f"/api/v1/firms/{firm.pk}/track-record/", **bearer(key.token))
    assert response.status_code == 200
    body = response.json()
    assert (body["assets_shared"], body["reusing_firms"], body["licences"], body["own_uses_ignored"]) == (1, 1, 1, 1)
    assert body["score"] > 0
    assert body["reasons"]
    assert body["ring_capped"] is None


def test_anonymous_callers_are_refused() -> None:
    firm, _owner = firm_with_owner()
    assert APIClient().get(f"/api/v1/firms/{firm.pk}/track-record/").status_code in (401, 403)


def test_a_person_s_record_only_for_colleagues() -> None:
    firm, owner = firm_with_owner()
    colleague = person_in(firm)
    client = APIClient()
    client.force_authenticate(colleague)
    assert client.get(f"/api/v1/people/{owner.pk}/track-record/").status_code == 200
    client.force_authenticate(firm_with_owner()[1])
    assert client.get(f"/api/v1/people/{owner.pk}/track-record/").status_code == 404
