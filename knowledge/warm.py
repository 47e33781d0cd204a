"""Search warm from the first query: the segmenter and its dictionaries, loaded at process start.

Registered with platform_.warmup by the app's ready(); see that module for when it runs.
"""

from __future__ import annotations


def warm_search() -> None:
    from knowledge import crosslingual, search

    search.segment("纺织机械的数字化改造")  # jieba and its dictionary (also used by duplicate detection)
    crosslingual.lexicon()  # the cross-lingual dictionary (CC-CEDICT and the platform's bilingual names)
    crosslingual.expanded_tsquery("纺织 machinery")
