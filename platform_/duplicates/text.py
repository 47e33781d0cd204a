"""Text fingerprints for near-duplicate detection: segmentation, shingles and MinHash signatures.

Chinese is segmented into words with jieba, English into words; both are normalised (NFKC, lower
case) and stripped of punctuation and of the commonest function words, then cut into shingles of
``SHINGLE`` consecutive words. Two texts are near-duplicates when the Jaccard similarity of their
shingle sets, estimated by MinHash with ``NUM_PERM`` permutations, reaches the threshold.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 2
# Long texts (extracted file text) are fingerprinted on their beginning: enough to tell a copy.
MAX_CHARS = 20_000
MIN_SHINGLES = 3
SEED = 1
SCHEME = "affine32"  # stated, so stored signatures stay comparable across datasketch upgrades

_STOP_ZH = "的 了 和 与 及 在 是 为 对 将 把 被 等 其 之 也 并 而 或"
_STOP_EN = "a an and are as at be by for from in into is it its of on or that the this to was were with"
_STOP = frozenset(_STOP_ZH.split() + _STOP_EN.split())
_WORDLIKE = re.compile(r"\w", re.UNICODE)


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "")[:MAX_CHARS].lower()


def words(text: str) -> list[str]:
    """The words of a text in Chinese, English or both, without punctuation and function words."""
    return [
        token.strip()
        for token in _jieba().lcut(normalise(text))
        if token.strip() and _WORDLIKE.search(token) and token.strip() not in _STOP
    ]


def shingles(text: str) -> set[str]:
    tokens = words(text)
    if len(tokens) < SHINGLE:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def digest(text: str) -> str:
    """What a stored signature was computed from: a new text means a new signature."""
    return hashlib.sha1(normalise(text).encode(), usedforsecurity=False).hexdigest()


def signature(text: str) -> MinHash | None:
    """The MinHash of a text, or None when it is too short to compare (fewer than MIN_SHINGLES)."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch([s.encode() for s in sorted(found)])
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes()


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(bytes(data), dtype=np.uint32)
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme=SCHEME)


def similarity(a: MinHash, b: MinHash) -> float:
    return float(a.jaccard(b))


def near(subject: MinHash, candidates: dict[int, MinHash], *, threshold: float) -> dict[int, float]:
    """The candidates whose estimated Jaccard similarity to the subject reaches the threshold.

    LSH (banded MinHash) narrows the candidates first; the estimate then decides, so a band collision
    alone never flags anything.
    """
    if not candidates:
        return {}
    lsh = MinHashLSH(threshold=max(0.05, threshold * 0.6), num_perm=NUM_PERM)
    for key, minhash in candidates.items():
        lsh.insert(key, minhash)
    found = {}
    for key in lsh.query(subject):
        score = similarity(subject, candidates[key])
        if score >= threshold:
            found[key] = round(score, 3)
    return found


def is_near_duplicate(a: str, b: str, *, threshold: float) -> bool:
    """The same decision as ``near`` for one pair (the labelled evaluation uses it)."""
    first, second = signature(a), signature(b)
    return first is not None and second is not None and bool(near(first, {0: second}, threshold=threshold))
