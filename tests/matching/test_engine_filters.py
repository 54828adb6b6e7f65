"""Hard filters are always respected; exposure control keeps much-shown suppliers from crowding lists."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching.engine import ExposureParams, Filters, haversine_km
from matching.engine.exposure import rerank
from tests.matching.golden import NEEDS, SUPPLIERS, shared_engine

HUBS = sorted({s.hub for s in SUPPLIERS})
CAPS = sorted({c for s in SUPPLIERS for c in s.capabilities})
BY_ID = {s.id: s for s in SUPPLIERS}
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(
    need_index=st.integers(0, len(NEEDS) - 1),
    hubs=st.none() | st.frozensets(st.sampled_from(HUBS), max_size=3),
    radius=st.none() | st.floats(1, 400),
    caps=st.frozensets(st.sampled_from(CAPS), max_size=2),
    k=st.integers(1, 12),
)
def test_results_always_pass_the_hard_filters(
    need_index: int, hubs: frozenset[str] | None, radius: float | None, caps: frozenset[str], k: int
) -> None:
    need = NEEDS[need_index]
    filters = Filters(hubs=hubs, radius_km=radius, capabilities=caps)
    matches = shared_engine().suppliers_for_need(need, k=k, filters=filters, explain=False)
    assert len(matches) <= k
    for m in matches:
        s = BY_ID[m.id]
        if hubs is not None:
            assert s.hub in hubs
        if radius is not None:
            assert s.lat is not None and s.lon is not None and need.lat is not None and need.lon is not None
            assert haversine_km(need.lat, need.lon, s.lat, s.lon) <= radius + 1e-6
        assert caps <= s.capabilities


def test_filters_can_leave_nothing_and_exclude_works() -> None:
    engine = shared_engine()
    assert (
        engine.suppliers_for_need(NEEDS[0], filters=Filters(capabilities=frozenset({"no-such-capability"})))
        == []
    )
    top = engine.suppliers_for_need(NEEDS[0], k=3, filters=Filters(exclude=frozenset({"vision-weld"})))
    assert "vision-weld" not in [m.id for m in top]


@FAST
@given(
    scores=st.lists(st.floats(0, 1), min_size=1, max_size=30),
    counts=st.lists(st.integers(0, 60), min_size=30, max_size=30),
    k=st.integers(1, 10),
    max_over=st.integers(0, 3),
)
def test_exposure_caps_overexposed_suppliers_in_every_top_k(
    scores: list[float], counts: list[int], k: int, max_over: int
) -> None:
    params = ExposureParams(penalty=0.1, cap=20, max_overexposed=max_over)
    scored = [(f"s{i:02d}", s) for i, s in enumerate(scores)]
    exposure = {f"s{i:02d}": c for i, c in enumerate(counts)}
    ranked = rerank(scored, exposure, params, k)
    assert sorted(r[0] for r in ranked) == sorted(i for i, _ in scored)  # nothing lost
    top = [r[0] for r in ranked[:k]]
    over_in_top = sum(exposure[i] >= params.cap for i in top)
    others = sum(exposure[i] < params.cap for i, _ in scored)
    if others >= k:
        assert over_in_top <= max_over
    assert rerank(scored, exposure, params, k) == ranked  # deterministic


def test_a_supplier_shown_everywhere_stops_crowding_shortlists() -> None:
    engine = shared_engine()
    need = next(n for n in NEEDS if n.id == "weld")
    first = engine.suppliers_for_need(need, k=3)
    leader = first[0].id
    demoted = engine.suppliers_for_need(need, k=3, exposure={leader: 10})
    assert demoted[0].explanation is not None and demoted[0].explanation.contributions
    leader_match = next(m for m in demoted if m.id == leader)
    assert leader_match.explanation is not None
    assert leader_match.explanation.contributions["exposure"] < 0
    assert leader_match.score < first[0].score
    params = engine.weights_.exposure
    crowd = {s.id: params.cap * 2 for s in SUPPLIERS[:8]}
    for n in NEEDS:
        top = engine.suppliers_for_need(n, k=5, exposure=crowd, explain=False)
        assert sum(crowd.get(m.id, 0) >= params.cap for m in top) <= params.max_overexposed
