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

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from matching.engine.lexical import LexicalIndex, _grow, lookup

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
PHRASE_JOIN = " "


def ngrams(terms: Sequence[str], n: int) -> list[str]:
    """Adjacent word n-grams of a text's terms, in order, joined by a space (n=1: the terms)."""
    if n == 1:
        return list(terms)
    return [PHRASE_JOIN.join(terms[i : i + n]) for i in range(len(terms) - n + 1)]


def phrases(terms: Sequence[str]) -> list[str]:
    """Adjacent pairs and triples of a text's terms, in order (terms must be in reading order)."""
    return ngrams(terms, 2) + ngrams(terms, 3)


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
        self._maps: dict[int, tuple[LexicalIndex, int, int, IntArray]] = {}

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

    def project_weights(
        self, owner: int | None, documents: Sequence[Sequence[str]] = ()
    ) -> list[tuple[IntArray, FloatArray]]:
        """Each project's BM25 contribution per term ``idf * tf / (tf + norm)``, by term id (sorted):
        the stored projects of ``owner``, or else ``documents`` scored with this index's statistics."""
        lex = self.lexical_
        out: list[tuple[IntArray, FloatArray]] = []
        if owner is not None:
            for ref in self.references_of(owner).tolist():
                if not lex.alive_[ref]:
                    continue
                row_tids, row_tfs = lex.row_terms(ref)
                out.append(
                    self._weights(
                        row_tids.astype(np.int64),
                        row_tfs.astype(np.float64),
                        float(lex.doc_len_[ref]),
                        lex.row_avgdl(ref),
                    )
                )
            return out
        for doc in documents:
            counts = Counter(lex.vocab_[t] for t in doc if t in lex.vocab_)
            tids = np.fromiter(counts, dtype=np.int64, count=len(counts))
            tfs = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            out.append(self._weights(tids, tfs, float(len(doc)), lex.avgdl))
        return out

    def _weights(
        self, tids: IntArray, tfs: FloatArray, doc_len: float, avgdl: float
    ) -> tuple[IntArray, FloatArray]:
        norm = self.lexical_.k1 * (1 - self.lexical_.b + self.lexical_.b * float(doc_len) / avgdl)
        w = self.lexical_.idf(tids).astype(np.float64) * tfs / (tfs + norm)
        order = np.argsort(tids)
        return tids[order], w[order]

    def best_for_rows(
        self,
        projects: Sequence[tuple[IntArray, FloatArray]],
        indexes: Sequence[LexicalIndex],
        rows: IntArray,
    ) -> tuple[FloatArray, FloatArray]:
        """One supplier's projects against many stored needs at once: for each row, the best project's
        BM25 with the row's terms from ``indexes`` (its words and phrases) as the query, and the
        query's ideal score; the same numbers as ``best`` and ``ideal`` give need by need."""
        rows = np.asarray(rows, dtype=np.int64)
        n = rows.shape[0]
        ids: list[IntArray] = []
        owners: list[IntArray] = []
        for index in indexes:
            idx, owner = index.entries(rows)
            tids = index.fwd_tid_[idx]
            mapped = self._term_map(index)[tids]
            known = mapped >= 0
            ids.append(mapped[known])
            owners.append(owner[known])
        ref_ids = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
        entry_owner = np.concatenate(owners) if owners else np.zeros(0, dtype=np.int64)
        ideal = np.bincount(entry_owner, self.lexical_.idf(ref_ids).astype(np.float64), minlength=n)
        best = np.zeros(n)
        for project_tids, weights in projects:
            if project_tids.size == 0:
                continue
            hit, w = lookup(project_tids, weights, ref_ids)
            np.maximum(best, np.bincount(entry_owner[hit], w, minlength=n), out=best)
        return best, ideal

    def _term_map(self, index: LexicalIndex) -> IntArray:
        """Term ids of another index (a need side's words or phrases) as this index's term ids (-1:
        unknown here). Vocabularies only grow: the map is extended as the other grows and rebuilt when
        this one does (a new project brought new terms)."""
        cached = self._maps.get(id(index))
        n_other, n_own = len(index.terms_), len(self.lexical_.terms_)
        start, previous = 0, np.zeros(0, dtype=np.int64)
        if cached is not None and cached[0] is index and cached[2] == n_own:
            if cached[1] == n_other:
                return cached[3]
            start, previous = cached[1], cached[3]
        vocab = self.lexical_.vocab_
        terms = index.terms_
        fresh = np.fromiter(
            (vocab.get(terms[t], -1) for t in range(start, n_other)), np.int64, n_other - start
        )
        mapped = np.concatenate([previous, fresh])
        if len(self._maps) > 4:  # indexes of engines loaded earlier in this process
            self._maps.clear()
        self._maps[id(index)] = (index, n_other, n_own, mapped)
        return mapped

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
        self._maps = {}
        return self
