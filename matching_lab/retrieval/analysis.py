"""Turning texts into index terms for the lexical indexes: words, and word n-grams (phrases)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

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


def ngrams(tokens: Sequence[str], n: int) -> list[str]:
    """Adjacent word n-grams joined with "_" (n=1 returns the tokens themselves)."""
    if n == 1:
        return list(tokens)
    return ["_".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def first_sentence(text: str) -> str:
    """The text up to its first sentence end: the title, where a title leads the text."""
    return _SENTENCE_END.split(text, maxsplit=1)[0]
