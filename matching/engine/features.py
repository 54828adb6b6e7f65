"""Text → index terms and text → vector, sentence by sentence, with caches keyed by a hash of the text.

Profiles are built from a limited stock of sentences (a firm's boilerplate, a product blurb, a
reference written by the hub), and generated demo data even more so: 1,500 demo suppliers hold
18,000 sentences of which 3,800 are distinct. So analysis and embedding work per sentence and
remember each sentence's result; a text's terms are its sentences' terms, and its vector is the
normalised mean of its sentences' vectors (``pooling="sentences"``, which also keeps every piece
under the model's token limit). ``pooling="text"`` embeds each whole text instead.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Sequence
from typing import Literal

import numpy as np

from matching.embedding.base import Embedder, FloatMatrix, Kind
from matching.engine.synonyms import Synonyms, default_synonyms
from matching.text import analyze_many

Pooling = Literal["sentences", "text"]
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|\n+")


def split_sentences(text: str) -> list[str]:
    """Sentences of a text (split after . ! ? and at line breaks), stripped, empty ones dropped."""
    return [s for s in (p.strip() for p in _SENTENCE_END.split(text or "")) if s]


def text_key(text: str) -> bytes:
    """A 12-byte hash of a text: the cache key, and how the engine tells an unchanged text."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).digest()


class TextFeaturizer:
    """Synonym-normalised terms and pooled embeddings of texts, with bounded caches.

    Parameters
    ----------
    embedder : the sentence encoder (see ``matching.embedding``); ``None`` for lexical-only use.
    synonyms : synonym groups applied to the analysed terms (default: the packaged list).
    pooling : ``"sentences"`` (mean of sentence vectors) or ``"text"`` (one vector per text).
    max_cached : entries kept in each cache before it is cleared.
    """

    def __init__(
        self,
        embedder: Embedder | None,
        synonyms: Synonyms | None = None,
        *,
        pooling: Pooling = "sentences",
        max_cached: int = 200_000,
    ) -> None:
        self.embedder = embedder
        self.synonyms = synonyms if synonyms is not None else default_synonyms()
        self.pooling = pooling
        self.max_cached = max_cached
        self._terms: dict[bytes, tuple[str, ...]] = {}
        self._vectors: dict[tuple[str, bytes], FloatMatrix] = {}
        self.encoded = 0  # pieces sent to the embedder (the cache's misses), for benchmarks

    def clear_caches(self) -> None:
        self._terms.clear()
        self._vectors.clear()

    def forget(self, text: str) -> None:
        """Drop the cached terms and vectors of a text's sentences (benchmarks: a text never seen)."""
        for sentence in split_sentences(text):
            key = text_key(sentence)
            self._terms.pop(key, None)
            for kind in ("query", "passage"):
                self._vectors.pop((kind, key), None)
        if self.pooling == "text":
            for kind in ("query", "passage"):
                self._vectors.pop((kind, text_key(text)), None)

    @property
    def dim(self) -> int:
        return self.embedder.dim if self.embedder is not None else 0

    # -- terms ----------------------------------------------------------------------------------
    def terms(self, text: str) -> list[str]:
        return self.terms_many([text])[0]

    def terms_many(self, texts: Sequence[str]) -> list[list[str]]:
        """Normalised terms of each text (a bag: repeats kept for term frequencies)."""
        split = [[(s, text_key(s)) for s in split_sentences(t)] for t in texts]
        missing = {key: s for row in split for s, key in row if key not in self._terms}
        found = {key: self._terms[key] for row in split for _, key in row if key in self._terms}
        _evict(self._terms, len(missing), self.max_cached)
        keys = list(missing)
        analysed = analyze_many([missing[k] for k in keys])
        normalise = self.synonyms.normalise
        for key, terms in zip(keys, analysed, strict=True):
            self._terms[key] = found[key] = tuple(normalise(terms))
        return [[term for _, key in row for term in found[key]] for row in split]

    # -- vectors --------------------------------------------------------------------------------
    def embed(self, texts: Sequence[str], *, kind: Kind) -> FloatMatrix:
        """One L2-normalised row per text (all zeros for an empty text)."""
        if self.embedder is None:
            raise ValueError("this featurizer has no embedder")
        out = np.zeros((len(texts), self.embedder.dim), dtype=np.float32)
        pieces = [split_sentences(t) if self.pooling == "sentences" else [t] for t in texts]
        pieces = [[p for p in row if p.strip()] for row in pieces]
        keyed = [[(str(kind), text_key(p)) for p in row] for row in pieces]
        found: dict[tuple[str, bytes], FloatMatrix] = {}
        missing: dict[tuple[str, bytes], str] = {}
        for row, keys in zip(pieces, keyed, strict=True):
            for piece, key in zip(row, keys, strict=True):
                vector = self._vectors.get(key)
                if vector is not None:
                    found[key] = vector
                else:
                    missing[key] = piece
        if missing:
            order = list(missing)
            encoded = self.embedder.encode([missing[k] for k in order], kind=kind)
            self.encoded += len(order)
            _evict(self._vectors, len(order), self.max_cached)
            for key, vector in zip(order, encoded, strict=True):
                self._vectors[key] = found[key] = vector
        for i, keys in enumerate(keyed):
            if not keys:
                continue
            mean = np.mean([found[k] for k in keys], axis=0)
            norm = float(np.linalg.norm(mean))
            if norm > 0:
                out[i] = mean / norm
        return out


def _evict[K, V](cache: dict[K, V], incoming: int, limit: int) -> None:
    """Make room for ``incoming`` entries: drop the oldest half (insertion order) when over ``limit``."""
    if len(cache) + incoming <= limit:
        return
    drop = max(len(cache) // 2, len(cache) + incoming - limit)
    for key in list(itertools.islice(cache, drop)):
        del cache[key]
