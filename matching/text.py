"""Korean and English text analysis: kiwipiepy morphemes for Korean, light stemming for English.

The analyser turns free text (a factory's problem, a supplier's profile) into index terms:
nouns and noun compounds, verb and adjective stems, foreign words, and numbers with their units.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Kiwi part-of-speech tags kept as terms.
NOUN_TAGS = frozenset({"NNG", "NNP", "NR", "XR", "SH"})
PREDICATE_TAGS = frozenset({"VV", "VA"})
FOREIGN_TAG = "SL"
NUMBER_TAG = "SN"
UNIT_TAGS = frozenset({"SL", "NNB", "SW", "NNG"})

_PREDICATE_PREFIXES = tuple(PREDICATE_TAGS)  # kiwi tags irregular stems as VV-R, VA-I, ...
_ENGLISH_WORD = re.compile(r"[a-z][a-z0-9\-]*")
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _kiwi() -> Any:
    # Loading the model takes about two seconds: once per process, on first use.
    from kiwipiepy import Kiwi

    with _lock:
        return Kiwi()


def stem_english(word: str) -> str:
    """A light suffix stemmer: enough to fold plurals and common verb forms (inspections → inspection)."""
    w = word.lower()
    if len(w) <= 4:
        return w
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                return w
            return w[: len(w) - len(suffix)] + repl
    return w


@dataclass(frozen=True, slots=True)
class _Token:
    form: str
    tag: str
    start: int
    len: int


def _join_foreign(tokens: Iterable[Any]) -> list[Any]:
    """Foreign-script pieces written together as one word: kiwi cuts some English words before a full
    stop ("Rebroadcast." → "Rebroa" + "dcast."), which would index two meaningless halves."""
    out: list[Any] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.start + prev.len == tok.start
            and tok.tag == FOREIGN_TAG
            and prev.tag == FOREIGN_TAG
        ):
            out[-1] = _Token(prev.form + tok.form, FOREIGN_TAG, prev.start, prev.len + tok.len)
            continue
        out.append(tok)
    return out


def _terms(tokens: Iterable[Any]) -> Iterator[str]:
    previous_noun: str | None = None
    previous_end = -1
    tokens = _join_foreign(tokens)
    for i, tok in enumerate(tokens):
        tag: str = tok.tag
        form: str = tok.form
        if tag in NOUN_TAGS:
            term = form.lower()
            yield term
            # Nouns written together form a compound too: 머신비전 → 머신, 비전, 머신비전.
            if previous_noun is not None and previous_end == tok.start:
                yield previous_noun + term
            previous_noun, previous_end = term, tok.start + tok.len
            continue
        previous_noun = None
        if tag.startswith(_PREDICATE_PREFIXES):
            yield form + "다"
        elif tag == FOREIGN_TAG:
            # kiwi keeps a sentence's full stop on an abbreviation ("MES."), which would split the term.
            word = form.strip(".,;:!?")
            if word:
                yield stem_english(word)
        elif tag == NUMBER_TAG:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.tag in UNIT_TAGS and nxt.start == tok.start + tok.len:
                yield (form + nxt.form).lower()
            else:
                yield form


def analyze(text: str) -> list[str]:
    """Index terms of one text, in order of appearance (duplicates kept, for term frequencies)."""
    if not text or not text.strip():
        return []
    return list(_terms(_kiwi().tokenize(text)))


def analyze_many(texts: list[str]) -> list[list[str]]:
    """Batch analysis: kiwipiepy tokenizes a list faster than one text at a time."""
    if not texts:
        return []
    kiwi = _kiwi()
    results: list[list[str]] = []
    for tokens in kiwi.tokenize([t or "" for t in texts]):
        results.append(list(_terms(tokens)))
    return results


def _index_terms(tokens: list[Any]) -> list[str]:
    terms = list(_terms(tokens))
    for previous, tok in itertools.pairwise(tokens):
        spaced = previous.start + previous.len < tok.start
        if spaced and previous.tag in NOUN_TAGS and tok.tag in NOUN_TAGS:
            terms.append(previous.form.lower() + tok.form.lower())
    return terms


def index_terms(text: str) -> list[str]:
    """Terms for a search index: `analyze`, plus nouns written apart joined as a compound.

    Kiwi keeps some compounds whole (비전검사) and a writer may space them (비전 검사): indexing the
    spaced pair as one term too lets a query written either way find the text.
    """
    if not text or not text.strip():
        return []
    return _index_terms(list(_kiwi().tokenize(text)))


def index_terms_many(texts: list[str]) -> list[list[str]]:
    """Batch form of `index_terms`."""
    if not texts:
        return []
    return [_index_terms(list(tokens)) for tokens in _kiwi().tokenize([t or "" for t in texts])]


def search_terms(query: str) -> list[str]:
    """Distinct terms of a search box query, in order (the index also holds spaced compounds)."""
    seen: list[str] = []
    for term in analyze(query):
        if term not in seen:
            seen.append(term)
    return seen


def english_words(text: str) -> list[str]:
    """Lower-cased, stemmed English words (for text without Korean)."""
    return [stem_english(w) for w in _ENGLISH_WORD.findall(text.lower())]
