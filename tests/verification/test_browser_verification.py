"""In a real browser, in Chinese: a firm's owner uploads the business licence, an administrator opens the
review queue, verifies the firm, and the firm's page no longer says it is unverified."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from platform_.identity.models import FirmVerification
from tests.factories import FirmFactory, FirmMemberFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Cl0sely-Knit-2026!"


def _sign_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/$"))


def test_an_administrator_verifies_a_firm_from_its_licence(live_server: Any, page_factory: Any, tmp_path: Path) -> None:
    firm = FirmFactory.create(name_zh="宁波电机", verification=FirmVerification.UNVERIFIED, verified_at=None)
    owner = UserFactory.create(email="owner-verify@example.test", password=PASSWORD)
    FirmMemberFactory.create(firm=firm, user=owner, role="owner")
    admin = UserFactory.create(email="admin-verify@example.test", password=PASSWORD, is_staff=True)
    licence = tmp_path / "licence.pdf"
    licence.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

    page = page_factory("zh-CN")
    _sign_in(page, live_server.url, owner.email)
    page.goto(f"{live_server.url}{firm.get_absolute_url()}")
    assert page.locator("h1 [data-testid=firm-unverified]").inner_text().strip() == "未认证"
    page.click("[data-testid=firm-verification]")
    page.fill("input[name=legal_representative]", "张伟")
    page.set_input_files("input[name=licence]", str(licence))
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("[data-testid=verification-state]").inner_text().strip() == "认证审核中"

    review = page_factory("zh-CN")
    _sign_in(review, live_server.url, admin.email)
    review.goto(f"{live_server.url}/verification/review/")
    card = review.locator(f"[data-testid=verification-request][data-firm='{firm.pk}']")
    assert card.locator("[data-testid=licence-link]").count() == 1
    card.locator("[data-testid=verify]").click()
    review.wait_for_load_state()
    assert review.locator(f"[data-testid=verification-request][data-firm='{firm.pk}']").count() == 0

    page.goto(f"{live_server.url}{firm.get_absolute_url()}")
    assert page.locator("h1 [data-testid=firm-unverified]").count() == 0
    firm.refresh_from_db()
    assert firm.verification == FirmVerification.VERIFIED
