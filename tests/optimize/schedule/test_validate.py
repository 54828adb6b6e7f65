"""The validator names each broken rule (so the property tests can fail)."""

from __future__ import annotations

from optimize.schedule import Locked, Meeting, Participant, Problem, Request, violations

PROBLEM = Problem(
    slots=2,
    tables=1,
    participants=(
        Participant("a", frozenset({0, 1})),
        Participant("b", frozenset({0, 1})),
        Participant("c", frozenset({1})),
    ),
    requests=(Request("a", "b", 3), Request("a", "c", 1), Request("b", "c", 1)),
    locked=(Locked("a", "b", 0),),
)


def test_a_valid_schedule_has_no_violations() -> None:
    ok = [Meeting("a", "b", 0, 1, 3, locked=True), Meeting("a", "c", 1, 1, 1)]
    assert violations(PROBLEM, ok) == []


def test_double_booking_is_reported() -> None:
    bad = [Meeting("a", "b", 0, 1, 3), Meeting("a", "c", 0, 1, 1)]
    found = " ".join(violations(PROBLEM, bad))
    assert "'a' is double-booked in slot 0" in found
    assert "'c' is not available in slot 0" in found
    assert "table 1 in slot 0 is double-booked" in found


def test_unknown_table_slot_and_request_are_reported() -> None:
    bad = [Meeting("a", "b", 0, 2, 3), Meeting("b", "c", 5, 1, 1), Meeting("a", "x", 1, 1, 1)]
    found = " ".join(violations(PROBLEM, bad))
    assert "table 2 does not exist" in found
    assert "slot 5 does not exist" in found
    assert "'a'-'x': no such request" in found


def test_a_moved_or_missing_lock_is_reported() -> None:
    assert violations(PROBLEM, [Meeting("a", "b", 1, 1, 3)]) == ["locked 'a'-'b': moved to slot 1 table 1"]
    assert violations(PROBLEM, []) == ["locked 'a'-'b': missing"]


def test_a_meeting_twice_or_with_a_wrong_weight_is_reported() -> None:
    bad = [Meeting("a", "b", 0, 1, 3), Meeting("b", "a", 1, 1, 1)]
    found = " ".join(violations(PROBLEM, bad))
    assert "scheduled twice" in found
    assert "weight 1 differs" in found
