"""A firm's first day, in a real browser: sign up, confirm the e-mail, register the firm, find a cluster,
apply; a moderator approves; the firm shows among the members. Once in Chinese and once in English."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from django.core import mail

from clusters.models import ClusterMembership, JoinPolicy, MembershipStatus
from tests.factories import ClusterFactory, UserFactory, firm_with_owner, make_credit_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Cl0sely-Knit-2026!"
LANGUAGES = {
    # browser locale, <html lang>, the "applied" and "member" labels of a membership
    "zh-hans": ("zh-CN", "zh-hans", "已申请", "成员"),
    "en": ("en-US", "en", "Applied", "Member"),
}


def _confirmation_path(email: str) -> str:
    message = next(m for m in reversed(mail.outbox) if email in m.to)
    match = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+)", str(message.body))
    assert match, message.body
    return match.group(1)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_a_new_firm_joins_a_cluster(live_server: Any, page_factory: Any, language: str) -> None:
    locale, html_lang, applied, member = LANGUAGES[language]
    moderator = UserFactory.create(email=f"moderator-{language}@example.test", password=PASSWORD)
    moderator_firm, _owner = firm_with_owner()
    cluster = ClusterFactory.create(
        name_zh="慈溪小家电集群",
        name_en="Cixi Small Appliances",
        slug=f"cixi-{language}",
        proposed_by=moderator_firm,
        join_policy=JoinPolicy.APPLICATION,
        moderators=[moderator],
    )
    cluster_name = cluster.name_zh if language == "zh-hans" else cluster.name_en
    # A fresh address each run: allauth rate-limits confirmation e-mails per address in the shared cache.
    email = f"founder-{language}-{uuid.uuid4().hex[:8]}@example.test"
    firm_name = f"Ningbo Motors {language}"

    page = page_factory(locale)
    # Sign up with an e-mail address and a password.
    page.goto(f"{live_server.url}/accounts/signup/")
    assert page.locator("html").get_attribute("lang") == html_lang
    page.fill("input[name=email]", email)
    page.fill("input[name=display_name]", "Li Ming")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.check("input[name=privacy_consent]")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/confirm-email/"))

    # Confirm the e-mail with the link that was sent; this signs the person in.
    page.goto(live_server.url + _confirmation_path(email))
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/$"))

    # Register the firm.
    page.click("[data-testid=register-firm]")
    page.fill("input[name=name_en]", firm_name)
    page.fill("input[name=credit_code]", make_credit_code(770000 + len(language)))
    page.select_option("select[name=province]", "44")
    page.fill("input[name=city]", "Foshan")
    # The sector picker is searchable (Tom Select): type a code, take the match.
    page.click("#field-sectors .ts-control")
    page.keyboard.type("17")
    page.locator("#field-sectors .ts-dropdown .option[data-value]").first.click()
    page.click("[data-testid=firm-submit]")
    page.wait_for_url(re.compile(r"/firms/\d+/$"))
    assert firm_name in page.locator("h1").inner_text()

    # Find the cluster in the directory and apply.
    page.goto(f"{live_server.url}/clusters/")
    page.fill("input[name=q]", cluster_name)
    page.click("[data-testid=directory-search]")
    page.click(f"[data-testid=cluster-card] a:has-text('{cluster_name}')")
    page.wait_for_url(re.compile(rf"/clusters/{cluster.slug}/$"))
    page.fill("textarea[name=message]", "We make motors for small appliances.")
    page.click("[data-testid=apply]")
    page.wait_for_load_state()
    assert page.locator("[data-testid=membership-status]").inner_text().strip() == applied

    # A moderator signs in, in a browser of their own, and approves the application.
    moderation = page_factory(locale)
    moderation.goto(f"{live_server.url}/accounts/login/")
    moderation.fill("input[name=login]", moderator.email)
    moderation.fill("input[name=password]", PASSWORD)
    moderation.click("main form button[type=submit]")
    moderation.wait_for_url(re.compile(r"/$"))
    moderation.goto(f"{live_server.url}/clusters/{cluster.slug}/manage/")
    row = moderation.locator(f"[data-testid=applications] tr[data-firm='{firm_name}']")
    row.locator("[data-testid=approve]").click()
    moderation.wait_for_load_state()
    assert moderation.locator("[data-testid=applications]").count() == 0

    # The firm's person sees the firm listed as a member.
    page.reload()
    assert page.locator("[data-testid=membership-status]").inner_text().strip() == member
    assert firm_name in page.locator("[data-testid=members]").inner_text()
    assert ClusterMembership.objects.get(cluster=cluster, firm__name_en=firm_name).status == MembershipStatus.ACTIVE
