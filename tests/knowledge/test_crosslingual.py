"""Cross-lingual search: a query in one language finds assets written only in the other, own-language first."""

from __future__ import annotations

from typing import Any, cast

import pytest
from django.urls import reverse

from knowledge import selectors
from knowledge.crosslingual import expanded_tsquery, query_units
from knowledge.models import AccessLevel
from tests.factories import firm_with_owner
from tests.knowledge.factories import make_asset

pytestmark = pytest.mark.django_db


@pytest.fixture
def searcher():
    return firm_with_owner()


def _ids(searcher, query: str) -> list[int]:
    firm, user = searcher
    return [a.pk for a in selectors.asset_search(user=user, firm=firm, query=query).results]


def test_a_chinese_query_finds_an_english_only_asset(searcher) -> None:
    english = make_asset(title_zh="", title_en="Textile dyeing wastewater treatment", summary_zh="")
    make_asset(title_zh="", title_en="Food packaging design", summary_zh="")
    assert _ids(searcher, "纺织") == [english.pk]


def test_an_english_query_finds_a_chinese_only_asset(searcher) -> None:
    chinese = make_asset(title_zh="印染废水处理工艺", title_en="", summary_en="")
    make_asset(title_zh="食品包装设计", title_en="", summary_en="")
    assert _ids(searcher, "Textile dyeing wastewater treatment") == [chinese.pk]


def test_the_platforms_sector_names_translate_too(searcher) -> None:
    chinese = make_asset(title_zh="纺织机械保养手册", title_en="", summary_en="")
    assert _ids(searcher, "textile machinery") == [chinese.pk]


def test_matches_in_the_querys_own_language_rank_first(searcher) -> None:
    english = make_asset(title_zh="", title_en="Wastewater from dyeing: a textile guide", summary_zh="")
    chinese = make_asset(title_zh="纺织印染指南", title_en="", summary_en="")
    assert _ids(searcher, "纺织") == [chinese.pk, english.pk]
    firm, user = searcher
    results = selectors.asset_search(user=user, firm=firm, query="纺织").results
    assert [cast(Any, a).matched_across for a in results] == [False, True]  # set by the search on each hit


def test_the_snippet_highlights_the_translation_that_matched(searcher) -> None:
    make_asset(title_zh="", title_en="Notes", summary_en="Textile dyeing wastewater treatment", summary_zh="")
    firm, user = searcher
    (result,) = selectors.asset_search(user=user, firm=firm, query="纺织").results
    assert "<mark>Textile</mark>" in result.snippet


def test_the_results_page_says_which_language_matched(client, searcher) -> None:
    make_asset(title_zh="", title_en="Textile dyeing wastewater treatment", summary_zh="")
    _firm, user = searcher
    client.force_login(user)
    text = client.get(reverse("knowledge:index"), {"q": "纺织"}, HTTP_ACCEPT_LANGUAGE="zh-hans").text
    assert "跨语言匹配" in text


def test_the_visibility_rule_still_holds_across_languages(searcher) -> None:
    other_firm, other_owner = firm_with_owner()
    make_asset(
        firm=other_firm,
        by=other_owner,
        title_zh="",
        title_en="Secret textile recipe",
        summary_zh="",
        access_level=AccessLevel.PRIVATE,
    )
    assert _ids(searcher, "纺织") == []


def test_a_word_without_translation_keeps_the_query_as_it_was() -> None:
    assert expanded_tsquery("zzqx") == ""
    assert query_units("zzqx") == [("zzqx", ())]


def test_hostile_input_gives_a_valid_query(searcher) -> None:
    make_asset(title_zh="", title_en="Welding robots", summary_zh="")
    for query in ["'textile' & | ! :*", "纺织')) OR 1=1 --", "\\'"]:
        _ids(searcher, query)  # no database error
