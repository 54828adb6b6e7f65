"""Structured parts: KSIC tree distance, capabilities, region and hubs, size, capacity, track record."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from matching.engine import NeedProfile, StructuredParams, SupplierProfile, haversine_km, ksic_depth
from matching.engine.structured import capability_fit, capacity_fit, ksic_fit, region_fit, size_fit, track_fit

SECTIONS = {"25": "C", "29": "C", "30": "C", "62": "J"}
PARAMS = StructuredParams(ksic_section=SECTIONS)


@pytest.mark.parametrize(
    ("a", "b", "depth"),
    [
        ("29120", "29120", 5),
        ("29120", "29121", 4),
        ("29120", "29133", 3),
        ("29120", "29210", 2),
        ("29120", "30399", 1),  # both manufacturing (section C)
        ("29120", "62010", 0),
        ("29120", "", 0),
    ],
)
def test_ksic_depth(a: str, b: str, depth: int) -> None:
    assert ksic_depth(a, b, SECTIONS) == depth


def test_ksic_fit_ranks_levels_and_prefers_client_industries() -> None:
    levels = [
        ksic_fit("29120", (), (code,), PARAMS).score
        for code in ("29120", "29121", "29133", "29210", "30399", "62010")
    ]
    assert levels == sorted(levels, reverse=True) and levels[0] == 1.0 and levels[-1] == 0.0
    as_reference = ksic_fit("29120", (), ("29120",), PARAMS)
    as_own = ksic_fit("29120", ("29120",), (), PARAMS)
    assert as_reference.score > as_own.score
    assert (as_reference.level, as_reference.source, as_own.source) == ("subclass", "reference", "own")
    assert ksic_fit("", ("29120",), (), PARAMS).score == PARAMS.neutral


def test_haversine_known_distances() -> None:
    seoul, busan = (37.5665, 126.9780), (35.1796, 129.0756)
    assert haversine_km(*seoul, *busan) == pytest.approx(325, abs=5)
    assert haversine_km(*seoul, *seoul) == 0.0
    assert haversine_km(35.196, 128.672, 35.194, 129.154) == pytest.approx(
        43.8, abs=1.0
    )  # 창원 성산 – 해운대


def _need(**kw: Any) -> NeedProfile:
    return dataclasses.replace(
        NeedProfile(
            "n", "", hub="changwon", lat=35.196, lon=128.672, linked_hubs=frozenset({"busan-centum"})
        ),
        **kw,
    )


def _supplier(**kw: Any) -> SupplierProfile:
    return dataclasses.replace(SupplierProfile("s", ""), **kw)


def test_region_same_hub_linked_hub_and_distance_decay() -> None:
    same = region_fit(_need(), _supplier(hub="changwon", lat=35.27, lon=128.85), PARAMS)
    linked = region_fit(_need(), _supplier(hub="busan-centum", lat=35.19, lon=129.15), PARAMS)
    near = region_fit(_need(), _supplier(hub="daegu-suseong", lat=35.83, lon=128.66), PARAMS)
    far = region_fit(_need(), _supplier(hub="", lat=37.50, lon=127.06), PARAMS)
    assert (same.relation, linked.relation, far.relation) == ("same_hub", "linked_hub", "other")
    assert same.score == 1.0 and linked.score == PARAMS.linked_hub
    assert 1.0 > linked.score > near.score > far.score > 0
    assert far.distance_km == pytest.approx(haversine_km(35.196, 128.672, 37.50, 127.06))


def test_capability_coverage_and_neutral_without_requirements() -> None:
    full = capability_fit(frozenset({"a", "b"}), frozenset({"a", "b", "c"}), PARAMS)
    half = capability_fit(frozenset({"a", "b"}), frozenset({"a"}), PARAMS)
    assert full.coverage == 1.0 and half.coverage == 0.5 and half.missing == ("b",)
    assert full.score > half.score > capability_fit(frozenset({"a"}), frozenset({"z"}), PARAMS).score == 0.0
    assert capability_fit(frozenset(), frozenset({"a"}), PARAMS).score == PARAMS.neutral


def test_size_fit_budget_against_supplier_size() -> None:
    need = _need(budget_min=300_000_000, budget_max=400_000_000)
    small = size_fit(need, _supplier(revenue_band="1b-10b"), PARAMS)
    tiny = size_fit(need, _supplier(revenue_band="lt1b"), PARAMS)
    assert small.score == 1.0 and tiny.score < 1.0
    assert size_fit(_need(), _supplier(revenue_band="1b-10b"), PARAMS).score == PARAMS.neutral
    by_staff = size_fit(need, _supplier(employees=20), PARAMS)  # no band: revenue from head count
    assert by_staff.comfortable is not None


def test_capacity_drops_with_open_engagements() -> None:
    scores = [capacity_fit(_supplier(employees=16, open_engagements=n), PARAMS).score for n in (0, 2, 6)]
    assert scores[0] == 1.0 and scores[0] > scores[1] > scores[2]
    big = capacity_fit(_supplier(employees=400, open_engagements=6), PARAMS).score
    assert big > scores[2]  # a larger firm absorbs the same load


def test_track_record_is_neutral_when_unknown() -> None:
    assert track_fit(_supplier(), PARAMS).score == PARAMS.neutral
    proven = track_fit(_supplier(completed_projects=20, rating=4.8), PARAMS).score
    weak = track_fit(_supplier(completed_projects=2, rating=2.0), PARAMS).score
    assert proven > PARAMS.neutral > weak


def test_batch_scores_equal_pair_by_pair_assessment() -> None:
    import numpy as np

    from matching.engine import assess
    from matching.engine.columns import supplier_parts
    from tests.matching.golden import NEEDS, SUPPLIERS, shared_engine

    engine = shared_engine()
    side = engine.suppliers_
    rows = np.asarray([side.row_of(s.id) for s in SUPPLIERS], dtype=np.int64)
    odd = [
        dataclasses.replace(NEEDS[0], ksic_code="", budget_min=None, budget_max=None, hub=""),
        dataclasses.replace(
            NEEDS[1], lat=None, lon=None, required_capabilities=frozenset({"unknown-cap", "industrial-iot"})
        ),
        dataclasses.replace(NEEDS[2], ksic_code="62010", budget_min=5_000_000_000, budget_max=None),
    ]
    for need in [*NEEDS, *odd]:
        batch = supplier_parts(need, side.columns_, rows, engine.params_)
        for i, s in enumerate(SUPPLIERS):
            expected = assess(need, s, engine.params_).parts()
            got = {p: float(v[i]) for p, v in batch.items()}
            assert got == pytest.approx(expected, abs=1e-9), (need.id, s.id)
