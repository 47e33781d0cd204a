"""Full-text search without PostgreSQL extensions: jieba splits Chinese into words, 'english' stems the rest.

PostgreSQL's parser sees a run of Chinese characters as one word, so text is segmented in Python
before it reaches ``to_tsvector``: the stored document and every query go through the same
``segment`` function. Long Chinese words are split into their dictionary parts (纺织机械 → 纺织 机械)
so that a query for a part finds the whole; jieba's search-mode extras are added to the vector only.
"""

from __future__ import annotations

import html
import logging
import re
from functools import cache
from typing import Any

from django.db import connection

from platform_.db_router import read_connection

CONFIG = "english"
HL_START = "\ue000"
HL_STOP = "\ue001"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ALL_CJK = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")
_SPACE_BETWEEN_CJK = re.compile(
    r"(?<=[\u3400-\u9fff\uf900-\ufaff\ue001，。；：、）]) (?=[\u3400-\u9fff\uf900-\ufaff\ue000，。；：、（])"
)
MAX_DOCUMENT_CHARS = 200_000


@cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def _split_long_word(word: str, freq: dict[str, int]) -> list[str]:
    if len(word) <= 3 or not _ALL_CJK.match(word):
        return [word]
    parts: list[str] = []
    i = 0
    while i < len(word):
        for length in (2, 3):
            piece = word[i : i + length]
            if len(piece) == length and freq.get(piece):
                parts.append(piece)
                i += length
                break
        else:
            parts.append(word[i])
            i += 1
    return parts


def segment(text: str) -> str:
    """The text as space-separated words; text without Chinese passes through unchanged."""
    if not text or not _CJK.search(text):
        return text or ""
    jieba = _jieba()
    freq = jieba.dt.FREQ
    words: list[str] = []
    for token in jieba.cut(text):
        if token.strip():
            words.extend(_split_long_word(token, freq))
    return " ".join(words)


def search_extras(text: str) -> str:
    """jieba's search-mode words (纺织机 inside 纺织机械) that ``segment`` did not already produce."""
    if not text or not _CJK.search(text):
        return ""
    jieba = _jieba()
    seen = set(segment(text).split())
    extras = {w for w in jieba.cut_for_search(text) if w.strip() and _CJK.search(w) and w not in seen}
    return " ".join(sorted(extras))


def index_asset(asset_id: int) -> None:
    """Recompute one asset's stored document and weighted vector (title A, summary B, body C, files D)."""
    from knowledge.embargo import under_embargo
    from knowledge.models import Asset, AssetVersion
    from knowledge.rendering import markdown_text

    asset = Asset.objects.get(pk=asset_id)
    # A version waiting for review is not yet what readers get; under embargo only the description is searchable.
    latest = AssetVersion.objects.filter(asset_id=asset_id, review_pending=False).order_by("-number").first()
    withheld = under_embargo(asset)
    files_text = "" if withheld else (latest.extracted_text if latest else "")[:MAX_DOCUMENT_CHARS]
    parts = [
        " ".join(filter(None, [asset.title_zh, asset.title_en])),
        " ".join(filter(None, [asset.summary_zh, asset.summary_en, " ".join(asset.tags or [])])),
        "" if withheld else markdown_text(asset.body[:MAX_DOCUMENT_CHARS]),
        files_text,
    ]
    segmented = [segment(part) for part in parts]
    extras = search_extras(" ".join(parts))
    title_across, summary_across = translations_of_parts(parts[0], parts[1])
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE knowledge_asset SET
              search_document = %s,
              search_vector = setweight(to_tsvector('{CONFIG}', %s), 'A')
                || setweight(to_tsvector('{CONFIG}', %s), 'B')
                || setweight(to_tsvector('{CONFIG}', %s), 'C')
                || setweight(to_tsvector('{CONFIG}', %s), 'D')
                || setweight(to_tsvector('{CONFIG}', %s), 'D'),
              search_translations = %s
            WHERE id = %s
            """,  # noqa: S608 - CONFIG is a constant, every value is a parameter
            ["\n".join(segmented), *segmented, extras, f"{title_across}\n{summary_across}", asset_id],
        )
        cursor.execute(BILINGUAL_VECTOR_SQL + " WHERE id = %s", [asset_id])


# The asset's own vector and its words in the other language: the title's translations weigh as its
# summary (B), the summary's and tags' as its files (D). Reads the two lines of search_translations.
BILINGUAL_VECTOR_SQL = f"""
    UPDATE knowledge_asset SET search_vector_bilingual = coalesce(search_vector, ''::tsvector)
      || setweight(to_tsvector('{CONFIG}', split_part(search_translations, E'\\n', 1)), 'B')
      || setweight(to_tsvector('{CONFIG}', split_part(search_translations, E'\\n', 2)), 'D')
"""  # noqa: S608 - CONFIG is a constant


def translations_of_parts(title: str, summary: str) -> tuple[str, str]:
    """The title's and the summary's words in the other language (knowledge.crosslingual), segmented."""
    from knowledge.crosslingual import document_translations

    return segment(document_translations(title)), segment(document_translations(summary))


def snippet_html(raw: str) -> str:
    """ts_headline's output, escaped, with the match markers turned into <mark> and the word gaps
    that segmentation put between Chinese characters removed."""
    text = _SPACE_BETWEEN_CJK.sub("", raw)
    text = html.escape(text)
    return text.replace(HL_START, "<mark>").replace(HL_STOP, "</mark>")


def headlines(ids: list[int], query: str, also: str = "") -> dict[int, str]:
    """Highlighted snippets for the given assets (a page of results, never the whole match set);
    ``also`` is to_tsquery text whose matches are highlighted too (the query's translations)."""
    if not ids:
        return {}
    options = (
        f'StartSel={HL_START}, StopSel={HL_STOP}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'
    )
    with read_connection().cursor() as cursor:
        cursor.execute(
            f"""
            SELECT id, ts_headline('{CONFIG}', search_document,
              plainto_tsquery('{CONFIG}', %s) || to_tsquery('{CONFIG}', %s), %s)
            FROM knowledge_asset WHERE id = ANY(%s)
            """,  # noqa: S608 - CONFIG is a constant
            [segment(query), also, options, ids],
        )
        return {row[0]: snippet_html(row[1]) for row in cursor.fetchall()}
