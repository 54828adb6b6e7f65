"""dxhub's matching lab: benchmarks, baselines and research models beside the product engine.

The SBIR feature ranker and its BM25/TF-IDF baselines (``retrieval``), Korean sentence similarity
(``textsim``, ``textsim_bench``), the quality bench (``quality``, ``quality_product``) and the speed
bench (``bench_speed``). It imports the engine (``matching``); the engine never imports it (an
import-linter contract says so), as scikit-learn keeps ``benchmarks/`` apart from ``sklearn/``.
Pure like the engine: no Django, no app.
"""
