"""Retrieval and ranking core of the matching engine.

* ``bm25_scores``, ``TfidfScores``: whole-batch BM25 and TF-IDF over the engine's ``LexicalIndex``
* ``SupplierFeaturizer``: query x supplier features from a supplier's several records
* ``Ranker``: a learned linear listwise ranker, saved as JSON
* ``SupplierMatcher``: the two together, with parameters shipped in ``matching_lab/data/sbir/``
* ranking metrics: ``recall_at_k``, ``mrr_at_k``, ``ndcg_at_k``, ``evaluate``

See docs/decisions/0003-ranking.md for what was tried and measured.
"""

from matching_lab.retrieval.data import Benchmark, Query, Record, Supplier, read_benchmark
from matching_lab.retrieval.engine import SupplierMatcher
from matching_lab.retrieval.features import FEATURE_NAMES, FeatureConfig, SupplierFeaturizer
from matching_lab.retrieval.lexical import TfidfScores, bm25_scores
from matching_lab.retrieval.metrics import evaluate, mrr_at_k, ndcg_at_k, recall_at_k, top_k
from matching_lab.retrieval.ranker import Ranker

__all__ = [
    "FEATURE_NAMES",
    "Benchmark",
    "FeatureConfig",
    "Query",
    "Ranker",
    "Record",
    "Supplier",
    "SupplierFeaturizer",
    "SupplierMatcher",
    "TfidfScores",
    "bm25_scores",
    "evaluate",
    "mrr_at_k",
    "ndcg_at_k",
    "read_benchmark",
    "recall_at_k",
    "top_k",
]
