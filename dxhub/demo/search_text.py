"""search_text for large demo sets: each distinct sentence is analysed once, across the whole run.

dxhub.core.search.index_texts analyses every distinct part of a batch (a company description, a need's
problem) with index_terms_many. Generated parts are mostly unique, but they are built from a few thousand
sentences, so across 100,000 companies most sentences repeat; analysing sentences instead, and
remembering them between batches, cuts the kiwi time several-fold. Terms of a row are its sentences'
terms in order, deduplicated and joined as index_texts joins them. A sentence end stops spaced compounds
anyway, so the result agrees with index_texts on all but a few terms where kiwi would read a word
differently with the next sentence in view.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from matching.text import index_terms_many

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
MAX_CACHED = 200_000  # sentences; bounds memory on very large runs


def join_terms(terms: Iterable[str]) -> str:
    """Distinct terms, space separated with a space at each end: the format index_texts writes."""
    distinct = dict.fromkeys(terms)
    return " " + " ".join(distinct) + " " if distinct else ""


class FastIndexer:
    """Turns rows of text parts into search_text values, remembering each sentence's terms."""

    def __init__(self) -> None:
        self.cache: dict[str, list[str]] = {}

    def texts(self, rows: list[list[str]]) -> list[str]:
        sentences = [[s for part in parts if part for s in _SENTENCE_END.split(part) if s] for parts in rows]
        missing = list(dict.fromkeys(s for row in sentences for s in row if s not in self.cache))
        if len(self.cache) + len(missing) > MAX_CACHED:
            self.cache.clear()
            missing = list(dict.fromkeys(s for row in sentences for s in row))
        self.cache.update(zip(missing, index_terms_many(missing), strict=True))
        return [join_terms(term for s in row for term in self.cache[s]) for row in sentences]
