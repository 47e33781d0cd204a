"""The admin: moderation actions ask for a reason and go through the service; records are read-only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from knowledge.models import AssetStatus, ModerationDecision
from platform_.audit.models import AuditEntry
from tests.factories import UserFactory
from tests.knowledge.factories import make_asset

pytestmark = pytest.mark.django_db


def test_take_down_from_the_admin_asks_for_a_reason_then_records_it(client) -> None:
    asset = make_asset()
    client.force_login(UserFactory.create(is_staff=True, is_superuser=True))
    url = reverse("admin:knowledge_asset_changelist")
    form = {"action": "moderate_take_down", "_selected_action": [asset.pk]}
    asking = client.post(url, form)
    assert asking.status_code == 200
    assert b'name="reason"' in asking.content
    client.post(url, {**form, "apply": "1", "reason": "Court order"})
    asset.refresh_from_db()
    assert asset.status == AssetStatus.TAKEN_DOWN
    assert ModerationDecision.objects.get(asset=asset).reason == "Court order"
    assert AuditEntry.objects.filter(action="asset.take_down", reason="Court order").exists()


def test_decisions_cannot_be_edited_in_the_admin(client) -> None:
    asset = make_asset()
    admin = UserFactory.create(is_staff=True, is_superuser=True)
    from knowledge import services

    row = services.asset_moderate(asset=asset, by=admin, decision="take_down", reason="x")
    client.force_login(admin)
    response = client.post(reverse("admin:knowledge_moderationdecision_change", args=[row.pk]), {"reason": "rewritten"})
    assert response.status_code == 403
    assert ModerationDecision.objects.get(pk=row.pk).reason == "x"
