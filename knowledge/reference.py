"""Keeps the knowledge-category table in step with the shipped taxonomy (after migrate)."""

from __future__ import annotations

from typing import Any


def sync_knowledge_categories(**kwargs: Any) -> None:
    from knowledge.data.categories import CATEGORIES
    from knowledge.models import KnowledgeCategory

    by_code: dict[str, KnowledgeCategory] = {}
    for code, parent, name_zh, name_en in CATEGORIES:
        by_code[code], _created = KnowledgeCategory.objects.update_or_create(
            code=code,
            defaults={"parent": by_code.get(parent) if parent else None, "name_zh": name_zh, "name_en": name_en},
        )
