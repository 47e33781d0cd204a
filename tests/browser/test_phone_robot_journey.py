"""In a real browser, in Chinese, the issue's journey: a founder signs up by phone and consents, registers
the firm, asks for verification with the business licence, a platform administrator verifies the firm
from the review queue, the founder adds a DingTalk robot, and the group's robot receives a signed
notification in Chinese on a local receiver.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache

from platform_ import events
from platform_.api import webhooks
from platform_.api.models import DeliveryStatus, WebhookDelivery
from platform_.compliance.models import Consent
from platform_.identity.models import Firm, FirmVerification
from platform_.phone.sms import outbox
from tests.api.test_group_robots import DINGTALK_SECRET, robots_receiver  # noqa: F401 (the fixture)
from tests.factories import UserFactory, make_credit_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ADMIN_PASSWORD = "Cl0sely-Knit-2026!"


def test_a_firm_signs_up_by_phone_and_its_dingtalk_group_hears_of_it(
    live_server: Any,
    page_factory: Any,
    robots_receiver: Any,  # noqa: F811
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.GROUP_ROBOT_EXTRA_HOSTS = ["127.0.0.1"]
    outbox.clear()
    cache.clear()  # the SMS limits' counters of an earlier run
    page = page_factory("zh-CN")

    # Sign up by phone: the number as people type it, the code from the SMS, a name.
    page.goto(f"{live_server.url}/")
    page.click("[data-testid=phone-sign-in]")
    page.fill("input[name=number]", "139 1234 5678")
    page.click("[data-testid=phone-start] button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/phone/code/$"))
    assert "139****5678" in page.content()
    assert outbox[-1].number == "+8613912345678"
    page.fill("input[name=code]", outbox[-1].code)
    page.click("[data-testid=phone-verify] button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/phone/welcome/$"))
    page.fill("input[name=display_name]", "陈静")
    page.check("input[name=privacy_consent]")
    page.click("[data-testid=phone-welcome] button[type=submit]")
    page.wait_for_url(re.compile(r"/$"))

    # Register the firm.
    page.click("[data-testid=register-firm]")
    page.fill("input[name=name_zh]", "宁波智造电机有限公司")
    page.fill("input[name=credit_code]", make_credit_code(881234))
    page.select_option("select[name=province]", "33")
    page.fill("input[name=city]", "宁波")
    page.click("#field-sectors .ts-control")  # the searchable sector picker: type a code, take the match
    page.keyboard.type("17")
    page.locator("#field-sectors .ts-dropdown .option[data-value]").first.click()
    page.click("[data-testid=firm-submit]")
    page.wait_for_url(re.compile(r"/firms/\d+/$"))
    firm_id = int(re.search(r"/firms/(\d+)/$", page.url).group(1))  # type: ignore[union-attr]
    assert Consent.objects.filter(user__firm_memberships__firm_id=firm_id, purpose="account").exists()

    # Ask to be verified with the business licence; a platform administrator verifies the firm.
    assert page.locator("h1 [data-testid=firm-unverified]").inner_text().strip() == "未认证"
    licence = tmp_path / "licence.pdf"
    licence.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.click("[data-testid=firm-verification]")
    page.fill("input[name=legal_representative]", "陈静")
    page.set_input_files("input[name=licence]", str(licence))
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("[data-testid=verification-state]").inner_text().strip() == "认证审核中"
    admin = UserFactory.create(email="admin-journey@example.test", password=ADMIN_PASSWORD, is_staff=True)
    review = page_factory("zh-CN")
    review.goto(f"{live_server.url}/accounts/login/")
    review.fill("input[name=login]", admin.email)
    review.fill("input[name=password]", ADMIN_PASSWORD)
    review.click("main form button[type=submit]")
    review.wait_for_url(re.compile(r"/$"))
    review.goto(f"{live_server.url}/verification/review/")
    card = review.locator(f"[data-testid=verification-request][data-firm='{firm_id}']")
    assert card.locator("[data-testid=licence-link]").count() == 1
    card.locator("[data-testid=verify]").click()
    review.wait_for_load_state()
    assert review.locator(f"[data-testid=verification-request][data-firm='{firm_id}']").count() == 0
    assert Firm.objects.get(pk=firm_id).verification == FirmVerification.VERIFIED
    page.goto(f"{live_server.url}/firms/{firm_id}/")
    assert page.locator("h1 [data-testid=firm-unverified]").count() == 0

    # Add the group's DingTalk robot.
    page.goto(f"{live_server.url}/firms/webhooks/")
    page.click("[data-testid=robot-add]")
    page.wait_for_url(re.compile(r"/firms/webhooks/robots/new/$"))
    form = page.locator("[data-testid=robot-form]")  # the header has a language switch of its own
    form.locator("select[name=kind]").select_option("dingtalk")
    form.locator("input[name=url]").fill(robots_receiver.url("dingtalk"))
    form.locator("input[name=secret]").fill(DINGTALK_SECRET)
    form.locator("select[name=language]").select_option("zh-hans")
    form.locator("input[name=events][value='spillover.updated']").check()
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/firms/webhooks/\d+/$"))

    # An event of the firm reaches the group, signed as DingTalk documents, in Chinese.
    events.dispatch("spillover.updated", {"firm_id": firm_id})
    robot = WebhookDelivery.objects.get().endpoint
    webhooks.webhook_endpoint_drain(endpoint_id=robot.pk)
    [received] = robots_receiver.requests
    assert received["kind"] == "dingtalk"
    assert received["valid"]
    assert received["text"] == "虚拟集群: 事件：溢出指标已更新"
    assert WebhookDelivery.objects.get().status == DeliveryStatus.DELIVERED

    # The delivery shows in the robot's log.
    page.reload()
    assert "spillover.updated" in page.content()
