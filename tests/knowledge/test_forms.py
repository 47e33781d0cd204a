"""The asset form offers categories and clusters with access as searchable pickers, and saves what is picked."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from knowledge.forms import AssetForm
from knowledge.models import Asset, KnowledgeCategory
from platform_.widgets import SearchableSelectMultiple
from tests.factories import ClusterFactory, MembershipFactory, active_member

pytestmark = pytest.mark.django_db


def test_categories_and_clusters_are_searchable_pickers_not_checkbox_walls(client: Any) -> None:
    form = AssetForm()
    assert isinstance(form.fields["categories"].widget, SearchableSelectMultiple)
    assert isinstance(form.fields["access_clusters"].widget, SearchableSelectMultiple)
    cluster = ClusterFactory.create()
    _firm, owner = active_member(cluster)
    client.force_login(owner)
    text = client.get(reverse("knowledge:create")).content.decode()
    assert '<select name="access_clusters"' in text
    assert 'type="checkbox" name="access_clusters"' not in text


def test_the_categories_and_clusters_picked_are_saved(client: Any) -> None:
    dyeing = KnowledgeCategory.objects.create(code="t.dye", name_zh="印染", name_en="Dyeing")
    water = KnowledgeCategory.objects.create(code="t.water", name_zh="水处理", name_en="Water treatment")
    first, second = ClusterFactory.create(), ClusterFactory.create()
    firm, owner = active_member(first)
    MembershipFactory.create(cluster=second, firm=firm)
    client.force_login(owner)
    response = client.post(
        reverse("knowledge:create"),
        {"kind": "document", "title_zh": "印染废水处理", "licence": "cc_by", "access_level": "clusters"}
        | {"categories": [dyeing.pk, water.pk], "access_clusters": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    asset = Asset.objects.get()
    assert set(asset.categories.all()) == {dyeing, water}
    assert set(asset.access_clusters.all()) == {first, second}
