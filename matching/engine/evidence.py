"""Text evidence beyond single words: phrases, and a supplier's best single past project.

Words alone let a profile that mentions "vision", "defect" and "line" in three unrelated projects
look like one that did vision-based defect inspection on a line. Two more signals tell them apart:

* **phrases**: adjacent word pairs and triples of the analysed terms ("vision defect",
  "defect inspection line"), indexed like words (BM25 in their own ``LexicalIndex``);
* **references**: each past project of a supplier indexed as its own small document (its words and
  phrases); a need is scored against every project of a candidate and the best one counts. One
  project that did the job says more than a profile that covers it in scattered pieces.

Both take single adds and removals like the word index. On sbir-dev these two parts lift the
engine from BM25's level to the fitted ranker's (see docs/decisions/0006-evidence-parts.md).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from matching.engine.lexical import LexicalIndex, _grow

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
PHRASE_JOIN = " "


def phrases(terms: Sequence[str]) -> list[str]:
    """Adjacent pairs and triples of a text's terms, in order (terms must be in reading order)."""
    pairs = [f"{a}{PHRASE_JOIN}{b}" for a, b in itertools.pairwise(terms)]
    triples = [PHRASE_JOIN.join(terms[i : i + 3]) for i in range(len(terms) - 2)]
    return pairs + triples


def reference_document(terms: Sequence[str]) -> list[str]:
    """What a past project is indexed as, and what a need is scored against it with."""
    return [*terms, *phrases(terms)]


class ReferenceIndex:
    """Past projects as BM25 documents, grouped by the row of the profile that owns them.

    A profile's projects are appended together, so they occupy a contiguous run of reference rows
    (``start_[row]``, ``count_[row]``); replacing a profile removes its run and appends a new one.
    """

    def __init__(self, k1: float = 1.2, b: float = 0.75, merge_ratio: float = 0.1) -> None:
        self.k1 = k1
        self.b = b
        self.merge_ratio = merge_ratio
        self.lexical_ = LexicalIndex(k1, b, merge_ratio)
        self.lexical_.index([])
        self.start_: IntArray = np.zeros(0, dtype=np.int64)
        self.count_: IntArray = np.zeros(0, dtype=np.int64)
        self.n_owners_ = 0

    def add(self, owners: Sequence[int], documents: Sequence[Sequence[Sequence[str]]], *, bulk: bool) -> None:
        """``documents[i]``: the reference documents (see ``reference_document``) of owner row ``owners[i]``.
        Owner rows are the side's rows, appended in order."""
        end = max(owners, default=-1) + 1
        self.start_ = _grow(self.start_, end)
        self.count_ = _grow(self.count_, end)
        first = self.lexical_.n_rows_
        docs: list[Sequence[str]] = []
        for owner, refs in zip(owners, documents, strict=True):
            self.start_[owner] = first + len(docs)
            self.count_[owner] = len(refs)
            docs.extend(refs)
        self.n_owners_ = max(self.n_owners_, end)
        rows = list(range(first, first + len(docs)))
        if bulk:
            self.lexical_.append(rows, docs)
        elif docs:
            self.lexical_.add(rows, docs)

    def rebuild(self) -> None:
        self.lexical_.rebuild()

    def remove(self, owners: Sequence[int]) -> None:
        for owner in owners:
            if owner < self.n_owners_ and self.count_[owner]:
                s, n = int(self.start_[owner]), int(self.count_[owner])
                self.lexical_.remove(list(range(s, s + n)))
                self.count_[owner] = 0

    def references_of(self, owner: int) -> IntArray:
        if owner >= self.n_owners_:
            return np.zeros(0, dtype=np.int64)
        s, n = int(self.start_[owner]), int(self.count_[owner])
        return np.arange(s, s + n, dtype=np.int64)

    def best(self, query: Sequence[str], owners: IntArray) -> FloatArray:
        """For each owner row, the BM25 of ``query`` against its best-matching project (0 if none)."""
        owners = np.asarray(owners, dtype=np.int64)
        out = np.zeros(owners.shape[0])
        if self.n_owners_ == 0:
            return out
        known = owners < self.n_owners_
        counts = np.where(known, self.count_[np.minimum(owners, self.n_owners_ - 1)], 0)
        if owners.size == 0 or not counts.any():
            return out
        starts = self.start_[np.minimum(owners, self.n_owners_ - 1)]
        offsets = np.r_[0, np.cumsum(counts)[:-1]]
        refs = np.repeat(starts - offsets, counts) + np.arange(int(counts.sum()))
        who = np.repeat(np.arange(owners.shape[0]), counts)
        scores = self.lexical_.score_rows(query, refs).astype(np.float64)
        np.maximum.at(out, who, scores)
        return out

    def best_of_documents(self, query: Sequence[str], documents: Sequence[Sequence[str]]) -> float:
        """The same for projects that are not in the index (a profile being looked at, not stored)."""
        if not documents:
            return 0.0
        weights = self.lexical_.query_weights(query)
        return max(self.lexical_.score_bag(weights, doc) for doc in documents)

    def ideal(self, query: Sequence[str]) -> float:
        return self.lexical_.ideal(query)

    # -- persistence ----------------------------------------------------------------------------
    def save(self, directory: Path) -> None:
        self.lexical_.rebuild()
        self.lexical_.save(directory)
        np.savez(
            directory / "owners.npz", start=self.start_[: self.n_owners_], count=self.count_[: self.n_owners_]
        )
        meta = {"k1": self.k1, "b": self.b, "merge_ratio": self.merge_ratio}
        (directory / "references.json").write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> ReferenceIndex:
        meta = json.loads((directory / "references.json").read_text(encoding="utf-8"))
        self = cls(float(meta["k1"]), float(meta["b"]), float(meta["merge_ratio"]))
        self.lexical_ = LexicalIndex.load(directory)
        with np.load(directory / "owners.npz", allow_pickle=False) as z:
            self.start_ = z["start"].astype(np.int64)
            self.count_ = z["count"].astype(np.int64)
        self.n_owners_ = int(self.start_.shape[0])
        return self
