from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from optimize.selection.assignment import assign


def test_conflicted_evaluator_is_never_assigned_and_loads_are_balanced() -> None:
    apps = [f"a{i}" for i in range(6)]
    evaluators = ["kim", "lee", "park", "choi"]
    result = assign(apps, evaluators, {"kim": {"a0", "a1"}}, per_application=2)
    assert result.status == "optimal"
    assert all(len(set(es)) == 2 for es in result.pairs.values())
    assert "kim" not in result.pairs["a0"] and "kim" not in result.pairs["a1"]
    assert max(result.loads.values()) == 3  # 12 reviews over 4 evaluators


def test_too_few_evaluators_without_conflict_is_reported() -> None:
    result = assign(["a"], ["kim", "lee"], {"kim": {"a"}}, per_application=2)
    assert result.status == "infeasible" and result.short == {"a": 1}


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 8),
    st.integers(2, 5),
    st.integers(1, 2),
    st.sets(st.tuples(st.integers(0, 4), st.integers(0, 7)), max_size=6),
)
def test_assignment_properties(
    n_apps: int, n_evals: int, per: int, conflicts_raw: set[tuple[int, int]]
) -> None:
    apps = list(range(n_apps))
    evals = [f"e{i}" for i in range(n_evals)]
    conflicts: dict[object, set[object]] = {}
    for e, a in conflicts_raw:
        if e < n_evals and a < n_apps:
            conflicts.setdefault(f"e{e}", set()).add(a)
    result = assign(apps, evals, conflicts, per_application=per)
    if result.status == "infeasible":
        assert result.short
        return
    for a, es in result.pairs.items():
        assert len(es) == len(set(es)) == per
        assert all(a not in conflicts.get(e, set()) for e in es)
    # Balanced: no evaluator carries more than the even share rounded up plus what conflicts force.
    if not conflicts:
        assert max(result.loads.values()) == -(-n_apps * per // n_evals)
