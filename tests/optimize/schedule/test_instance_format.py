"""The JSON instance format: round trip and a clear message for every kind of mistake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from optimize.schedule import ProblemError, from_dict, generate, read_instance, solve, to_dict, write_instance

BASE = {
    "slots": 3,
    "tables": 2,
    "participants": [
        {"id": "p1", "available": [0, 1]},
        {"id": "p2", "available": [1, 2]},
        {"id": 3, "available": [0, 1, 2]},
    ],
    "requests": [{"a": "p1", "b": "p2", "weight": 3}, {"a": "p1", "b": 3}],
    "locked": [{"a": "p2", "b": "p1", "slot": 1, "table": 2}],
}


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    problem = generate(participants=30, requests=60, slots=6, tables=5, seed=7)
    path = tmp_path / "instance.json"
    write_instance(problem, path)
    assert read_instance(path) == problem
    assert from_dict(to_dict(from_dict(BASE))) == from_dict(BASE)


def test_weight_defaults_to_one_and_ids_keep_their_type() -> None:
    problem = from_dict(BASE)
    assert problem.requests[1].weight == 1
    assert {p.id for p in problem.participants} == {"p1", "p2", 3}
    schedule = solve(problem, time_limit=2)
    assert {(m.slot, m.table) for m in schedule.meetings if m.locked} == {(1, 2)}
    assert schedule.weight == 4


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"slots": "3"}, "slots must be an integer"),
        ({"participants": {}}, "`participants` must be a list"),
        ({"participants": [{"id": "p1"}]}, "participants[0] needs `id` and a list `available`"),
        ({"participants": [{"id": "p1", "available": [0, 9]}]}, "slot 9 is outside 0..2"),
        ({"requests": [{"a": "p1", "b": "zz"}]}, "unknown participant 'zz'"),
        ({"requests": [{"a": "p1", "b": "p1"}]}, "cannot meet themselves"),
        ({"requests": [{"a": "p1", "b": "p2", "weight": 0}]}, "weight must be a positive integer"),
        ({"requests": [{"a": "p1", "b": "p2"}, {"a": "p2", "b": "p1"}]}, "appears twice"),
        ({"locked": [{"a": "p1", "b": "p2", "slot": 0}]}, "'p2' is not available in slot 0"),
        ({"locked": [{"a": 3, "b": "p2", "slot": 1}]}, "there is no request for this pair"),
        ({"locked": [{"a": "p1", "b": "p2", "slot": 1, "table": 7}]}, "table 7 is outside 1..2"),
        ({"locked": [{"a": "p1", "b": "p2"}]}, "locked[0] needs `a`, `b` and `slot`"),
    ],
)
def test_bad_instances_name_the_mistake(change: dict[str, object], message: str) -> None:
    with pytest.raises(
        ProblemError, match=message.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")
    ):
        from_dict({**BASE, **change})


def test_unreadable_files_say_so(tmp_path: Path) -> None:
    with pytest.raises(ProblemError, match="cannot read"):
        read_instance(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ProblemError, match="not valid JSON"):
        read_instance(bad)
    bad.write_text(json.dumps([1, 2]), encoding="utf-8")
    with pytest.raises(ProblemError, match="JSON object"):
        read_instance(bad)
