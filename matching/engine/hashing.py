"""A tiny deterministic embedder: analysed, synonym-normalised terms hashed into a few dimensions.

It has no model and no weights, so tests (the engine's and the Django adapter's) run in
milliseconds and give the same vectors everywhere. It follows the ``Embedder`` protocol.
"""

from __future__ import annotations

import hashlib

import numpy as np

from matching.embedding.base import FloatMatrix, Kind, l2_normalise
from matching.engine.synonyms import Synonyms, default_synonyms
from matching.text import analyze_many


class HashingEmbedder:
    """Signed feature hashing of terms into ``dim`` dimensions (L2-normalised rows)."""

    def __init__(self, dim: int = 64, synonyms: Synonyms | None = None) -> None:
        self.dim = dim
        self.name = f"hashing-{dim}"
        self.synonyms = synonyms

    def encode(self, texts: list[str], *, kind: Kind) -> FloatMatrix:
        del kind
        synonyms = self.synonyms or default_synonyms()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, terms in enumerate(analyze_many(list(texts))):
            for term in synonyms.normalise(terms):
                h = int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "little")
                out[i, h % self.dim] += 1.0 if (h >> 40) & 1 else -1.0
        return l2_normalise(out)
