"""The matching engine: hybrid retrieval, structured fit, explanations and exposure control.

    engine = MatchEngine(embedder, names=names).index(suppliers, needs)
    matches = engine.suppliers_for_need(need, k=10, filters=Filters(hubs=frozenset({"changwon"})))
    matches[0].explanation.text_ko   # why, in Korean
    engine.save(path); MatchEngine.load(path, embedder); engine.refresh()

Pure library: plain dataclasses in, ids and scores out (see docs/decisions/0004-engine.md).
"""

from __future__ import annotations

from matching.engine.engine import MatchEngine, Reciprocal
from matching.engine.explain import Explanation, Match, Names, SimilarProject, format_won, ksic_path
from matching.engine.profiles import NO_FILTERS, Filters, NeedProfile, ReferenceSummary, SupplierProfile
from matching.engine.structured import StructuredFit, StructuredParams, assess, haversine_km, ksic_depth
from matching.engine.synonyms import Synonyms, default_synonyms
from matching.engine.weights import ExposureParams, Weights, default_weights

__all__ = [
    "NO_FILTERS",
    "Explanation",
    "ExposureParams",
    "Filters",
    "Match",
    "MatchEngine",
    "Names",
    "NeedProfile",
    "Reciprocal",
    "ReferenceSummary",
    "SimilarProject",
    "StructuredFit",
    "StructuredParams",
    "SupplierProfile",
    "Synonyms",
    "Weights",
    "assess",
    "default_synonyms",
    "default_weights",
    "format_won",
    "haversine_km",
    "ksic_depth",
    "ksic_path",
]
