"""Term vocabulary and sparse term-count matrices shared by the lexical indexes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp


class Vocabulary:
    """A fixed mapping term -> column, in first-seen order."""

    def __init__(self, terms: Sequence[str] = ()) -> None:
        self.terms: list[str] = list(terms)
        self.index: dict[str, int] = {t: i for i, t in enumerate(self.terms)}

    @classmethod
    def from_docs(cls, docs: Iterable[Iterable[str]]) -> Vocabulary:
        vocab = cls()
        for doc in docs:
            for term in doc:
                if term not in vocab.index:
                    vocab.index[term] = len(vocab.terms)
                    vocab.terms.append(term)
        return vocab

    def __len__(self) -> int:
        return len(self.terms)


def count_matrix(docs: Sequence[Iterable[str]], vocab: Vocabulary, grow: bool = False) -> sp.csr_matrix:
    """Documents x terms matrix of raw term counts; terms outside the vocabulary are dropped
    (or added, with ``grow=True``)."""
    rows: list[int] = []
    cols: list[int] = []
    index = vocab.index
    for r, doc in enumerate(docs):
        for term in doc:
            c = index.get(term)
            if c is None:
                if not grow:
                    continue
                c = len(vocab.terms)
                index[term] = c
                vocab.terms.append(term)
            rows.append(r)
            cols.append(c)
    data = np.ones(len(rows), dtype=np.float64)
    m = sp.csr_matrix(
        (data, (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))),
        shape=(len(docs), len(vocab)),
    )
    m.sum_duplicates()
    return m
