"""Cross-lingual search: a query in one language finds assets written only in the other, own-language first."""

from __future__ import annotations

import io
from typing import Any, cast

import pytest
from django.db.models import F
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


# The asset's side: its words translated when it is indexed.


def test_indexing_stores_the_assets_words_in_the_other_language() -> None:
    asset = make_asset(title_zh="回转窑炉维护", title_en="", summary_zh="锅炉余热回收", summary_en="")
    asset.refresh_from_db()
    title_line, summary_line = asset.search_translations.split("\n")
    assert "kiln" in title_line  # 窑炉, unknown to every source, through its parts: 窑 kiln, 炉 stove
    assert "boiler" in summary_line


def test_an_english_query_meets_the_chinese_assets_words_translated(searcher) -> None:
    # The query's side alone misses it: CC-CEDICT's Chinese for "kiln" is 焙烤, not the asset's 窑炉.
    chinese = make_asset(title_zh="回转窑炉维护", title_en="", summary_zh="", summary_en="")
    make_asset(title_zh="食品包装设计", title_en="", summary_en="")
    assert _ids(searcher, "kiln") == [chinese.pk]


def test_a_chinese_query_meets_the_english_assets_words_translated(searcher) -> None:
    english = make_asset(title_zh="", title_en="Scheduling forklifts in the warehouse", summary_zh="")
    assert _ids(searcher, "仓库") == [english.pk]


def test_an_asset_translated_the_other_way_is_still_not_visible_to_others(searcher) -> None:
    other_firm, other_owner = firm_with_owner()
    make_asset(
        firm=other_firm,
        by=other_owner,
        title_zh="回转窑炉维护",
        title_en="",
        summary_en="",
        access_level=AccessLevel.PRIVATE,
    )
    assert _ids(searcher, "kiln") == []
    assert _ids(searcher, "kiln maintenance manual") == []  # nor through the all-but-one fallback


# The query's side: CC-CEDICT read sense by sense.


def test_a_dictionary_entry_gives_each_of_its_senses() -> None:
    (unit,) = query_units("抛光")
    assert {"polish", "burnish"} <= set(unit[1])  # "to polish; to burnish" is two senses


def test_a_parenthesised_note_does_not_make_a_sense_too_long() -> None:
    (unit,) = query_units("谐波")
    assert "harmonic" in unit[1]  # "harmonic (wave with frequency an integer multiple of the fundamental)"


def test_a_common_word_comes_before_a_rare_one_of_the_same_sense() -> None:
    (unit,) = query_units("warehouse")
    assert "仓库" in unit[1]


def test_an_english_word_is_translated_in_all_its_forms() -> None:
    (unit,) = query_units("polishing")
    assert "抛光" in unit[1]  # through "polish"


def test_a_several_word_sense_matches_by_all_its_words_in_any_order(searcher) -> None:
    english = make_asset(title_zh="", title_en="Inspection of weld quality", summary_zh="")
    make_asset(title_zh="", title_en="Quality of welding wire", summary_zh="")
    assert _ids(searcher, "质量检测") == [english.pk]  # "quality inspection"


# The all-but-one fallback, when whole matches fill less than a page.


def test_when_few_match_every_word_an_asset_matching_all_but_one_follows(searcher) -> None:
    whole = make_asset(title_zh="茶叶加工工艺", title_en="", summary_en="")
    partly = make_asset(title_zh="", title_en="Temperature control in tea leaf fixing", summary_zh="")
    make_asset(title_zh="", title_en="Welding robots", summary_zh="")
    firm, user = searcher
    results = selectors.asset_search(user=user, firm=firm, query="茶叶 加工").results
    assert [a.pk for a in results] == [whole.pk, partly.pk]
    assert [cast(Any, a).matched_partly for a in results] == [False, True]


def test_no_fallback_when_enough_match_every_word(searcher, settings) -> None:
    settings.SEARCH_RELAXED_BELOW = 1
    whole = make_asset(title_zh="茶叶加工工艺", title_en="", summary_en="")
    make_asset(title_zh="", title_en="Temperature control in tea leaf fixing", summary_zh="")
    firm, user = searcher
    found = selectors.asset_search(user=user, firm=firm, query="茶叶 加工")
    assert [a.pk for a in found.results] == [whole.pk]
    assert found.total == 1


def test_every_page_of_a_search_counts_the_same(searcher) -> None:
    make_asset(title_zh="茶叶加工工艺", title_en="", summary_en="")
    make_asset(title_zh="", title_en="Temperature control in tea leaf fixing", summary_zh="")
    firm, user = searcher
    pages = [selectors.asset_search(user=user, firm=firm, query="茶叶 加工", limit=1, offset=n) for n in (0, 1)]
    assert [page.total for page in pages] == [2, 2]
    assert len({page.results[0].pk for page in pages}) == 2


def test_the_fallback_can_be_turned_off(searcher, settings) -> None:
    settings.SEARCH_RELAXED = False
    make_asset(title_zh="", title_en="Temperature control in tea leaf fixing", summary_zh="")
    assert _ids(searcher, "茶叶 加工") == []


def test_own_language_matches_still_come_first_with_the_fallback(searcher) -> None:
    across = make_asset(title_zh="", title_en="Tea processing lines", summary_zh="")
    own_partly = make_asset(title_zh="茶叶品鉴", title_en="", summary_en="")
    own = make_asset(title_zh="茶叶加工工艺", title_en="", summary_en="")
    ids = _ids(searcher, "茶叶 加工")
    assert ids[:2] == [own.pk, across.pk]  # whole matches: own language, then through a translation
    assert ids[2:] == [own_partly.pk]


def test_the_results_page_says_a_word_is_missing(client, searcher) -> None:
    make_asset(title_zh="", title_en="Temperature control in tea leaf fixing", summary_zh="")
    _firm, user = searcher
    client.force_login(user)
    text = client.get(reverse("knowledge:index"), {"q": "茶叶 加工"}, HTTP_ACCEPT_LANGUAGE="zh-hans").text
    assert "缺一个词的匹配" in text


def test_own_language_matches_are_taken_as_candidates_before_translated_ones(searcher, settings) -> None:
    settings.ASSET_SEARCH_CANDIDATES = 2
    for n in range(3):
        make_asset(title_zh="", title_en=f"Textile dyeing notes {n}", summary_zh="")
    chinese = [make_asset(title_zh=f"纺织印染笔记{n}", title_en="", summary_en="") for n in range(2)]
    firm, user = searcher
    found = selectors.asset_search(user=user, firm=firm, query="纺织")
    assert {a.pk for a in found.results} == {a.pk for a in chinese}  # as a search without translation finds
    assert found.capped


def test_search_reindex_adds_the_translations_of_assets_indexed_before(searcher) -> None:
    from django.core.management import call_command

    from knowledge.models import Asset

    chinese = make_asset(title_zh="回转窑炉维护", title_en="", summary_zh="", summary_en="")
    # As the migration leaves an asset indexed before translations existed: its own words only.
    Asset.objects.filter(pk=chinese.pk).update(search_translations="", search_vector_bilingual=F("search_vector"))
    assert _ids(searcher, "kiln") == []
    call_command("search_reindex", "--no-progress", stdout=io.StringIO())
    assert _ids(searcher, "kiln") == [chinese.pk]
