"""The belt form offers its sectors as a searchable picker, and the sectors picked are saved."""

from __future__ import annotations

import pytest
from django.test import Client

from belts.forms import BeltForm
from belts.models import Belt
from platform_.widgets import SearchableSelectMultiple
from tests.factories import UserFactory
from tests.observatory.conftest import sector

pytestmark = pytest.mark.django_db


def test_the_sectors_of_a_belt_are_a_searchable_picker() -> None:
    assert isinstance(BeltForm(agencies=None).fields["sectors"].widget, SearchableSelectMultiple)


def test_an_administrator_creates_a_belt_with_the_sectors_picked() -> None:
    textile, apparel = sector("17", "C"), sector("18", "C")
    client = Client(headers={"accept-language": "en"})
    client.force_login(UserFactory.create(is_staff=True, is_superuser=True))
    assert '<select name="sectors"' in client.get("/belts/new/").text
    response = client.post(
        "/belts/new/",
        {"name_zh": "柯桥纺织产业带", "name_en": "Keqiao textiles", "province": "33", "city": "绍兴"}
        | {"sectors": [textile.pk, apparel.pk]},
    )
    assert response.status_code == 302
    assert set(Belt.objects.get().sectors.all()) == {textile, apparel}
