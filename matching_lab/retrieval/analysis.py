"""Turning texts into index terms for the lexical indexes (word n-grams: ``matching.engine.evidence.ngrams``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from matching.text import analyze, english_words

Analyzer = Callable[[str], list[str]]

ANALYZERS: dict[str, Analyzer] = {
    # English: lower-cased words with the light suffix stemmer (fast: no morphological analysis).
    "english": english_words,
    # Korean and mixed text: kiwipiepy morphemes (``matching.text.analyze``).
    "kiwi": analyze,
}

_SENTENCE_END = re.compile(r"(?<=[a-z0-9)])\.\s")


def get_analyzer(name: str) -> Analyzer:
    try:
        return ANALYZERS[name]
    except KeyError:
        raise KeyError(f"unknown analyzer {name!r}; known: {sorted(ANALYZERS)}") from None


def first_sentence(text: str) -> str:
    """The text up to its first sentence end: the title, where a title leads the text."""
    return _SENTENCE_END.split(text, maxsplit=1)[0]
