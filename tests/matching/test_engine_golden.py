"""Golden Korean cases: needs from the demo domain and the suppliers that must reach their top 5.

The data (suppliers, needs, names, engines over them) is in ``tests/matching/golden.py``.
"""

from __future__ import annotations

import pytest

from tests.matching.golden import NEEDS, SUPPLIERS, shared_engine

MUST_BE_IN_TOP5 = {
    "weld": {"vision-weld", "eye-ai"},
    "press": {"pdm-sense", "machine-doctor"},
    "coating": {"cell-quality", "battery-twin"},
    "aero": {"aero-opt", "cnc-data"},
    "med": {"med-mes", "mes-one"},
}
FIRST = {
    "weld": "vision-weld",
    "press": "pdm-sense",
    "coating": "cell-quality",
    "aero": "aero-opt",
    "med": "med-mes",
}


@pytest.mark.parametrize("need_id", sorted(MUST_BE_IN_TOP5))
def test_expected_suppliers_reach_the_top_five(need_id: str) -> None:
    engine = shared_engine()
    need_profile = next(n for n in NEEDS if n.id == need_id)
    top5 = [m.id for m in engine.suppliers_for_need(need_profile, k=5)]
    assert MUST_BE_IN_TOP5[need_id] <= set(top5), top5
    assert top5[0] == FIRST[need_id], top5


def test_generic_giant_does_not_win_everything() -> None:
    engine = shared_engine()
    firsts = {engine.suppliers_for_need(n, k=1)[0].id for n in NEEDS}
    assert "giant-si" not in firsts


def test_needs_for_supplier_finds_its_need() -> None:
    engine = shared_engine()
    for need_id, supplier_id in FIRST.items():
        s = next(p for p in SUPPLIERS if p.id == supplier_id)
        assert engine.needs_for_supplier(s, k=2)[0].id == need_id


def test_reciprocal_prefers_the_pair_that_wants_each_other() -> None:
    engine = shared_engine()
    weld = next(n for n in NEEDS if n.id == "weld")
    good = engine.reciprocal(weld, next(s for s in SUPPLIERS if s.id == "vision-weld"))
    bad = engine.reciprocal(weld, next(s for s in SUPPLIERS if s.id == "plain-erp"))
    assert good.score > bad.score
    a, b = good.supplier_for_need.score, good.need_for_supplier.score
    assert good.score == pytest.approx(2 * a * b / (a + b))
    assert min(a, b) <= good.score <= max(a, b)


def test_keyword_only_list_is_bm25_over_the_same_filters() -> None:
    from matching.engine import Filters

    engine = shared_engine()
    weld = next(n for n in NEEDS if n.id == "weld")
    keyword = engine.keyword_suppliers_for_need(weld, k=5)
    assert keyword[0].id == "vision-weld"
    assert [m.score for m in keyword] == sorted((m.score for m in keyword), reverse=True)
    only_busan = engine.keyword_suppliers_for_need(
        weld, k=5, filters=Filters(hubs=frozenset({"busan-centum"}))
    )
    assert {m.id for m in only_busan} <= {s.id for s in SUPPLIERS if s.hub == "busan-centum"}
