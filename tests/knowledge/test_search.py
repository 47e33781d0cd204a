"""Search: Chinese segmented with jieba, English stemmed, ranked, highlighted, and never beyond what the
searcher may see (results, counts, facets and snippets alike)."""

from __future__ import annotations

import pytest

from knowledge import selectors, services
from knowledge.models import AccessLevel, KnowledgeCategory
from knowledge.search import segment
from tests.factories import UserFactory, firm_with_owner
from tests.knowledge.factories import make_asset

pytestmark = pytest.mark.django_db


@pytest.fixture
def searcher():
    return firm_with_owner()


def _ids(searcher, query: str, **filters) -> list[int]:
    firm, user = searcher
    return [a.pk for a in selectors.asset_search(user=user, firm=firm, query=query, **filters).results]


def test_segmentation_splits_chinese_words() -> None:
    assert segment("纺织机械的自动化改造").split() == ["纺织", "机械", "的", "自动化", "改造"]


def test_a_chinese_word_finds_the_longer_compound(searcher) -> None:
    asset = make_asset(title_zh="纺织机械维护手册", title_en="")
    make_asset(title_zh="食品包装设计", title_en="")
    assert _ids(searcher, "纺织") == [asset.pk]


def test_a_chinese_compound_query_finds_its_text(searcher) -> None:
    asset = make_asset(title_zh="手册", title_en="", body="本文介绍纺织机械的日常保养。")
    assert _ids(searcher, "纺织机械") == [asset.pk]


def test_english_is_stemmed(searcher) -> None:
    asset = make_asset(title_zh="", title_en="Weaving looms", summary_en="How we calibrated the running machines")
    assert _ids(searcher, "calibrating machine") == [asset.pk]


def test_title_matches_rank_above_body_matches(searcher) -> None:
    in_body = make_asset(title_zh="", title_en="Maintenance notes", body="Mentions dyeing once.")
    in_title = make_asset(title_zh="", title_en="Dyeing recipes", body="Reactive dyes")
    assert _ids(searcher, "dyeing") == [in_title.pk, in_body.pk]


def test_snippets_highlight_chinese_without_gaps(searcher) -> None:
    make_asset(title_zh="手册", title_en="", summary_zh="纺织企业的节能经验")
    firm, user = searcher
    result = selectors.asset_search(user=user, firm=firm, query="节能").results[0]
    assert "<mark>节能</mark>经验" in result.snippet


def test_snippets_escape_html(searcher) -> None:
    make_asset(title_zh="", title_en="Hostile", summary_en="<script>alert('x')</script> calibration")
    firm, user = searcher
    snippet = selectors.asset_search(user=user, firm=firm, query="calibration").results[0].snippet
    assert "<script>" not in snippet


def test_filters_by_kind_licence_and_category(searcher) -> None:
    textile = KnowledgeCategory.objects.get(code="machinery.textile")
    patent = make_asset(
        kind="patent", licence="patent", licence_terms="Royalty 2%", title_en="Loom patent", categories=[textile]
    )
    make_asset(kind="document", title_en="Loom guide")
    assert _ids(searcher, "loom", kind="patent") == [patent.pk]
    assert _ids(searcher, "loom", licence="patent") == [patent.pk]
    assert _ids(searcher, "loom", category="machinery") == [patent.pk]


def test_take_down_removes_from_search_at_once(searcher) -> None:
    asset = make_asset(title_en="Spindle lubrication")
    assert _ids(searcher, "spindle") == [asset.pk]
    services.asset_moderate(asset=asset, by=UserFactory.create(is_staff=True), decision="take_down", reason="Stolen")
    assert _ids(searcher, "spindle") == []


def test_private_assets_leak_through_no_count_facet_or_snippet(searcher) -> None:
    secret_category = KnowledgeCategory.objects.get(code="digital.ai")
    make_asset(
        kind="dataset",
        licence="cc0",
        title_en="Spindle secret",
        summary_en="secretword spindle",
        access_level=AccessLevel.PRIVATE,
        categories=[secret_category],
    )
    public = make_asset(kind="document", title_en="Spindle guide")
    firm, user = searcher
    found = selectors.asset_search(user=user, firm=firm, query="spindle")
    assert found.total == 1
    assert [a.pk for a in found.results] == [public.pk]
    assert found.facets["kind"] == [{"kind": "document", "count": 1}]
    assert {row["licence"] for row in found.facets["licence"]} == {"cc_by"}
    assert found.facets["category"] == []
    assert "secretword" not in "".join(a.snippet for a in found.results)
    assert selectors.asset_search(user=user, firm=firm, query="secretword").total == 0


def test_owners_find_their_private_assets() -> None:
    firm, owner = firm_with_owner()
    asset = make_asset(firm=firm, by=owner, title_en="Spindle secret", access_level=AccessLevel.PRIVATE)
    assert [a.pk for a in selectors.asset_search(user=owner, firm=firm, query="spindle").results] == [asset.pk]


def test_count_beyond_the_first_page(searcher) -> None:
    for n in range(5):
        make_asset(title_en=f"Gearbox note {n}")
    firm, user = searcher
    found = selectors.asset_search(user=user, firm=firm, query="gearbox", limit=2)
    assert (len(found.results), found.total) == (2, 5)


def test_very_common_words_rank_a_bounded_candidate_set(searcher, settings) -> None:
    settings.ASSET_SEARCH_CANDIDATES = 3
    for n in range(5):
        make_asset(title_en=f"Shuttle note {n}")
    firm, user = searcher
    found = selectors.asset_search(user=user, firm=firm, query="shuttle")
    assert (found.total, found.capped, len(found.results)) == (3, True, 3)
    assert sum(row["count"] for row in found.facets["kind"]) == 3
