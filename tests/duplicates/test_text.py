"""Near-duplicate text: segmentation, signatures, and precision and recall on the labelled pairs."""

from __future__ import annotations

from platform_.duplicates import services, text
from tests.duplicates.pairs import PAIRS


def test_chinese_is_segmented_into_words_and_punctuation_dropped() -> None:
    assert text.words("注塑模具的快速冷却系统，包括温度传感器。") == [
        "注塑模",
        "具",
        "快速",
        "冷却系统",
        "包括",
        "温度传感器",
    ]


def test_a_signature_survives_storage() -> None:
    minhash = text.signature("the mould cooling system with sensors and valves")
    assert minhash is not None
    assert text.similarity(text.from_bytes(text.to_bytes(minhash)), minhash) == 1.0


def test_too_short_a_text_has_no_signature() -> None:
    assert text.signature("冷却") is None


def _confusion(language: str | None = None) -> tuple[int, int, int]:
    threshold = services.TEXT_THRESHOLD
    tp = fp = fn = 0
    for lang, first, second, duplicate in PAIRS:
        if language is not None and lang != language:
            continue
        flagged = text.is_near_duplicate(first, second, threshold=threshold)
        tp += flagged and duplicate
        fp += flagged and not duplicate
        fn += duplicate and not flagged
    return tp, fp, fn


def test_the_labelled_set_is_large_and_balanced_enough() -> None:
    assert len(PAIRS) >= 40
    assert {lang for lang, *_rest in PAIRS} == {"zh", "en"}
    assert 0.35 < sum(1 for *_rest, duplicate in PAIRS if duplicate) / len(PAIRS) < 0.65


def test_precision_and_recall_on_the_labelled_pairs() -> None:
    """The figures docs/knowledge.md states ("Duplicate detection"): 24 of 26 flags right, 24 of 27 found."""
    tp, fp, fn = _confusion()
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"precision {precision:.3f} recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
    assert (tp, fp, fn) == (24, 2, 3)
    assert precision >= 0.9
    assert recall >= 0.85


def test_each_language_is_measured_on_its_own() -> None:
    for language in ("zh", "en"):
        tp, fp, fn = _confusion(language)
        assert tp / (tp + fp) >= 0.85, language
        assert tp / (tp + fn) >= 0.8, language
