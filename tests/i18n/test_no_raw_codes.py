"""Chinese pages show sentences, never codes: histories, constraint errors and times in the reader's format."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from clusters.services import membership_apply, membership_transition
from projects import services as project_services
from tests.factories import ClusterFactory, UserFactory, firm_with_owner
from tests.projects.factories import sponsor_project

pytestmark = pytest.mark.django_db
ZH = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}


def test_membership_history_reads_as_chinese_sentences(client: Any) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    firm, owner = firm_with_owner()
    membership = membership_apply(cluster=cluster, firm=firm, by=owner, message="")
    membership_transition(membership=membership, action="approve", by=moderator)
    client.force_login(moderator)
    text = client.get(reverse("clusters:manage", args=[cluster.slug]), **ZH).text
    assert "申请加入（现为：已申请）" in text
    assert "申请获批（已申请 → 成员）" in text
    for raw in ("apply:", "approve:", "∅", "applied →", "→ active"):
        assert raw not in text


def test_project_history_reads_as_chinese_sentences(client: Any) -> None:
    project, owner = sponsor_project()
    project_services.project_transition(project=project, action="publish", by=owner)
    client.force_login(owner)
    text = client.get(project.get_absolute_url(), **ZH).text
    assert "已发布（草稿 → " in text
    for raw in ("publish:", "create:", "draft →", "→ open"):
        assert raw not in text


def test_a_project_without_an_award_is_refused_with_a_sentence_not_a_constraint_name(client: Any) -> None:
    _firm, owner = firm_with_owner()
    client.force_login(owner)
    deadline = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("projects:create"),
        {"kind": "design", "title": "No prize", "brief": "b", "eligibility": "open", "ip_terms": "assignment"}
        | {"deadline": deadline},
        **ZH,
    )
    assert response.status_code == 200
    assert "project_has_an_award" not in response.text
    assert response.context["form"].errors["award_amount"] == ["请说明奖励：金额、其他奖励，或两者皆有。"]


def test_times_show_in_china_standard_time_in_the_languages_format() -> None:
    template = Template("{% load local_time %}{{ value|local_time }}")
    context = Context({"value": "2026-12-05T07:30:00+00:00"})
    with translation.override("zh-hans"):
        assert template.render(context) == "2026年12月5日 15:30"
    with translation.override("en"):
        assert template.render(context) == "Dec. 5, 2026, 3:30 p.m."


def test_an_award_reads_in_the_readers_currency_words(client: Any) -> None:
    project, owner = sponsor_project(award_amount=30000)
    client.force_login(owner)
    text = client.get(project.get_absolute_url(), **ZH).text
    assert "30,000 元" in text
    assert "(CNY)" not in text
    assert "¥" not in text


def test_an_award_reads_in_english_with_the_yuan_sign(client: Any) -> None:
    project, owner = sponsor_project(award_amount=30000)
    client.force_login(owner)
    text = client.get(project.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").text
    assert "¥30,000" in text
    assert "30,000 元" not in text
