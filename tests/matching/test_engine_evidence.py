"""Phrases, best past project and TF-IDF cosine: checked against brute-force computations."""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.engine import MatchEngine
from matching.engine.evidence import ReferenceIndex, phrases, reference_document
from matching.engine.hashing import HashingEmbedder
from matching.engine.lexical import LexicalIndex
from matching.engine.profiles import NeedProfile, ReferenceSummary, SupplierProfile

WORDS = ["vision", "defect", "weld", "line", "sensor", "press", "battery", "mes"]
docs_strategy = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), min_size=1, max_size=8)


def bm25(query: list[str], doc: list[str], docs: list[list[str]], k1: float, b: float) -> float:
    n = len(docs)
    avgdl = sum(len(d) for d in docs) / n
    counts = Counter(doc)
    total = 0.0
    for term in dict.fromkeys(query):
        df = sum(1 for d in docs if term in d)
        if df == 0 or term not in counts:
            continue
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        tf = counts[term]
        total += idf * tf / (tf + k1 * (1 - b + b * len(doc) / avgdl))
    return total


def test_phrases_are_adjacent_pairs_and_triples() -> None:
    assert phrases(["a", "b", "c"]) == ["a b", "b c", "a b c"]
    assert phrases(["a"]) == []
    assert reference_document(["a", "b"]) == ["a", "b", "a b"]


@settings(max_examples=60, deadline=None)
@given(
    owners=st.lists(docs_strategy, min_size=1, max_size=6), query=st.lists(st.sampled_from(WORDS), max_size=6)
)
def test_best_reference_is_the_max_over_each_owners_projects(
    owners: list[list[list[str]]], query: list[str]
) -> None:
    index = ReferenceIndex(k1=1.2, b=0.75)
    index.add(list(range(len(owners))), owners, bulk=True)
    index.rebuild()
    every = [doc for refs in owners for doc in refs]
    got = index.best(query, np.arange(len(owners)))
    want = [max(bm25(query, doc, every, 1.2, 0.75) for doc in refs) for refs in owners]
    assert got == pytest.approx(want, rel=1e-4, abs=1e-5)
    assert index.best_of_documents(query, owners[0]) == pytest.approx(want[0], rel=1e-4, abs=1e-5)


def test_removed_owner_has_no_projects_and_leaves_the_statistics() -> None:
    index = ReferenceIndex()
    index.add([0, 1], [[["weld", "vision"]], [["press", "sensor"], ["weld"]]], bulk=False)
    index.remove([1])
    assert index.best(["weld"], np.asarray([0, 1])).tolist()[1] == 0.0
    assert index.lexical_.n_alive_ == 1
    index.add([2], [[["weld", "line"]]], bulk=False)  # a replaced profile comes back under a new row
    assert index.best(["line"], np.asarray([2]))[0] > 0


@settings(max_examples=60, deadline=None)
@given(docs=docs_strategy, query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
def test_cosine_rows_matches_a_dense_tfidf_computation(docs: list[list[str]], query: list[str]) -> None:
    index = LexicalIndex().index(docs)
    n = len(docs)
    vocab = sorted({t for d in docs for t in d})
    idf = {
        t: math.log(1 + (n - sum(t in d for d in docs) + 0.5) / (sum(t in d for d in docs) + 0.5))
        for t in vocab
    }

    def vec(bag: list[str]) -> np.ndarray:
        c = Counter(t for t in bag if t in idf)
        return np.asarray([(1 + math.log(c[t])) * idf[t] if c[t] else 0.0 for t in vocab])

    q = vec(query)
    want = []
    for d in docs:
        v = vec(d)
        denom = np.linalg.norm(q) * np.linalg.norm(v)
        want.append(float(q @ v / denom) if denom > 0 else 0.0)
    got = index.cosine_rows(query, np.arange(n))
    assert got == pytest.approx(want, abs=1e-5)
    assert [index.cosine_terms(query, d) for d in docs] == pytest.approx(want, abs=1e-5)


def _supplier(sid: str, refs: list[str]) -> SupplierProfile:
    return SupplierProfile(
        id=sid,
        text=" ".join(refs),
        references=tuple(ReferenceSummary(f"{sid}-{i}", t) for i, t in enumerate(refs)),
    )


SCATTERED = _supplier(
    "scattered",
    ["용접 공정 자동화 로봇 시스템 구축", "외관 검사 장비 유지보수", "불량 통계 대시보드 개발"],
)
FOCUSED = _supplier(
    "focused",
    ["용접 비드 외관 불량 검사 머신비전 구축", "창고 재고 관리 시스템", "회계 프로그램 납품"],
)
NEED = NeedProfile(id="n", text="용접 비드 외관 불량 검사")


def test_one_project_that_did_the_job_scores_above_scattered_mentions() -> None:
    engine = MatchEngine(HashingEmbedder()).index([SCATTERED, FOCUSED])
    parts = {m.id: m.parts for m in engine.suppliers_for_need(NEED, k=2, explain=False)}
    assert parts["focused"]["reference"] > parts["scattered"]["reference"]
    assert parts["focused"]["phrase"] > parts["scattered"]["phrase"]
    assert 0.0 <= parts["scattered"]["cosine"] <= 1.0


def test_parts_agree_in_ranking_pairs_and_both_directions(tmp_path: Path) -> None:
    engine = MatchEngine(HashingEmbedder()).index([SCATTERED, FOCUSED], [NEED])
    forward = {m.id: m.parts for m in engine.suppliers_for_need(NEED, k=2, explain=False)}
    pair = engine.reciprocal(NEED, FOCUSED)
    for part in ("lexical", "phrase", "reference", "cosine"):
        assert pair.supplier_for_need.parts[part] == pytest.approx(forward["focused"][part], abs=1e-6)
    backward = engine.needs_for_supplier(FOCUSED, k=1, explain=False)[0]
    assert backward.parts["reference"] == pytest.approx(forward["focused"]["reference"], abs=1e-6)
    # an edited supplier that is not stored yet is scored from its own projects
    edited = dataclasses.replace(FOCUSED, id="edited", references=FOCUSED.references[1:])
    assert (
        engine.reciprocal(NEED, edited).supplier_for_need.parts["reference"] < forward["focused"]["reference"]
    )
    engine.save(tmp_path)
    loaded = MatchEngine.load(tmp_path, HashingEmbedder())
    again = {m.id: m.parts for m in loaded.suppliers_for_need(NEED, k=2, explain=False)}
    assert again == forward


def test_journal_replay_rebuilds_the_projects(tmp_path: Path) -> None:
    writer = MatchEngine(HashingEmbedder()).index([SCATTERED])
    writer.save(tmp_path)
    reader = MatchEngine.load(tmp_path, HashingEmbedder())
    writer.upsert_supplier(FOCUSED)
    assert reader.refresh()
    got = {m.id: m.parts for m in reader.suppliers_for_need(NEED, k=2, explain=False)}
    want = {m.id: m.parts for m in writer.suppliers_for_need(NEED, k=2, explain=False)}
    assert got == want and got["focused"]["reference"] > 0


def test_a_suppliers_projects_against_many_needs_equal_need_by_need() -> None:
    from tests.matching.golden import NEEDS, SUPPLIERS

    engine = MatchEngine(HashingEmbedder()).index(SUPPLIERS, NEEDS)
    checked = 0
    for supplier in SUPPLIERS:
        unstored = dataclasses.replace(supplier, id=f"{supplier.id}-draft")  # analysed, not looked up
        for profile in (supplier, unstored):
            for match in engine.needs_for_supplier(profile, k=len(NEEDS), explain=False):
                need = next(n for n in NEEDS if n.id == match.id)
                pair = engine.reciprocal(need, profile).need_for_supplier.parts["reference"]
                assert match.parts["reference"] == pytest.approx(pair, abs=1e-6)
                checked += match.parts["reference"] > 0
    assert checked > 10  # the comparison was not all zeros


def test_reverse_scores_follow_writes_on_both_sides() -> None:
    engine = MatchEngine(HashingEmbedder()).index([SCATTERED, FOCUSED], [NEED])
    engine.needs_for_supplier(FOCUSED, k=5, explain=False)  # builds the term map
    engine.upsert_need(NeedProfile(id="n2", text="프레스 금형 진동 이상 감지 센서"))
    grown = dataclasses.replace(
        FOCUSED,
        references=(*FOCUSED.references, ReferenceSummary("focused-9", "프레스 금형 진동 이상 감지 구축")),
    )
    engine.upsert_supplier(grown)
    for match in engine.needs_for_supplier(grown, k=5, explain=False):
        need = NEED if match.id == "n" else NeedProfile(id="n2", text="프레스 금형 진동 이상 감지 센서")
        pair = engine.reciprocal(need, grown).need_for_supplier.parts["reference"]
        assert match.parts["reference"] == pytest.approx(pair, abs=1e-6)
        if match.id == "n2":
            assert match.parts["reference"] > 0.5  # the new project matches the new need
