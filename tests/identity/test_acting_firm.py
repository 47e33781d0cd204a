"""The one helper for the acting firm: an API key's firm first, else the firm chosen in the session."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.utils.functional import SimpleLazyObject

from platform_.errors import NotAllowed
from platform_.identity.middleware import acting_firm, acting_firm_required, firm_id_of
from tests.factories import firm_with_owner

pytestmark = pytest.mark.django_db


def test_an_api_keys_firm_comes_before_the_session() -> None:
    key_firm, _owner = firm_with_owner()
    session_firm, owner = firm_with_owner()
    request = RequestFactory().get("/")
    request.auth = SimpleNamespace(firm=key_firm)  # type: ignore[attr-defined]
    request.firm_member = owner.firm_memberships.get(firm=session_firm)  # type: ignore[attr-defined]
    assert acting_firm(request) == key_firm


def test_the_session_firm_is_a_plain_firm_and_none_when_there_is_none() -> None:
    firm, owner = firm_with_owner()
    request = RequestFactory().get("/")
    membership = owner.firm_memberships.get(firm=firm)
    request.firm_member = SimpleLazyObject(lambda: membership)  # type: ignore[attr-defined]
    assert acting_firm(request) == firm
    request.firm_member = SimpleLazyObject(lambda: None)  # type: ignore[attr-defined]
    assert acting_firm(request) is None
    with pytest.raises(NotAllowed):
        acting_firm_required(request)


def test_firm_id_of_reads_firms_ids_and_lazy_nothing() -> None:
    firm, _owner = firm_with_owner()
    assert firm_id_of(firm) == firm.pk
    assert firm_id_of(firm.pk) == firm.pk
    assert firm_id_of(None) is None
    assert firm_id_of(SimpleLazyObject(lambda: None)) is None
