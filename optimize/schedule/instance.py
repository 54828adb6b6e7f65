"""The JSON instance format: `slots`, `tables`, `participants` [{`id`, `available`}],
`requests` [{`a`, `b`, `weight`}], optional `locked` [{`a`, `b`, `slot`, optional `table`}]."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from optimize.schedule.problem import Locked, Participant, ParticipantId, Problem, ProblemError, Request


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProblemError(f"{where} must be an integer, got {value!r}")
    return value


def _pid(value: Any, where: str) -> ParticipantId:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ProblemError(f"{where} must be a string or an integer, got {value!r}")
    return value


def _list(data: dict[str, Any], key: str, *, required: bool = True) -> list[Any]:
    value = data.get(key, None if required else [])
    if not isinstance(value, list):
        raise ProblemError(f"`{key}` must be a list")
    return value


def from_dict(data: Any) -> Problem:
    """Build and check a problem from parsed JSON; every error names the offending entry."""
    if not isinstance(data, dict):
        raise ProblemError("an instance is a JSON object")
    for key in ("slots", "tables", "participants", "requests"):
        if key not in data:
            raise ProblemError(f"`{key}` is missing")
    people = []
    for i, p in enumerate(_list(data, "participants")):
        if not isinstance(p, dict) or "id" not in p or not isinstance(p.get("available"), list):
            raise ProblemError(f"participants[{i}] needs `id` and a list `available`")
        slots = frozenset(_int(s, f"participants[{i}].available") for s in p["available"])
        people.append(Participant(_pid(p["id"], f"participants[{i}].id"), slots))
    requests = []
    for i, r in enumerate(_list(data, "requests")):
        if not isinstance(r, dict) or "a" not in r or "b" not in r:
            raise ProblemError(f"requests[{i}] needs `a` and `b`")
        weight = _int(r.get("weight", 1), f"requests[{i}].weight")
        requests.append(Request(_pid(r["a"], f"requests[{i}].a"), _pid(r["b"], f"requests[{i}].b"), weight))
    locked = []
    for i, lk in enumerate(_list(data, "locked", required=False)):
        if not isinstance(lk, dict) or not {"a", "b", "slot"} <= lk.keys():
            raise ProblemError(f"locked[{i}] needs `a`, `b` and `slot`")
        table = lk.get("table")
        locked.append(
            Locked(
                _pid(lk["a"], f"locked[{i}].a"),
                _pid(lk["b"], f"locked[{i}].b"),
                _int(lk["slot"], f"locked[{i}].slot"),
                None if table is None else _int(table, f"locked[{i}].table"),
            )
        )
    problem = Problem(
        slots=_int(data["slots"], "slots"),
        tables=_int(data["tables"], "tables"),
        participants=tuple(people),
        requests=tuple(requests),
        locked=tuple(locked),
    )
    problem.check()
    return problem


def to_dict(problem: Problem) -> dict[str, Any]:
    data: dict[str, Any] = {
        "slots": problem.slots,
        "tables": problem.tables,
        "participants": [{"id": p.id, "available": sorted(p.available)} for p in problem.participants],
        "requests": [{"a": r.a, "b": r.b, "weight": r.weight} for r in problem.requests],
    }
    if problem.locked:
        data["locked"] = [
            {"a": lk.a, "b": lk.b, "slot": lk.slot, **({"table": lk.table} if lk.table else {})}
            for lk in problem.locked
        ]
    return data


def read_instance(path: str | Path) -> Problem:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ProblemError(f"cannot read {path}: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProblemError(f"{path} is not valid JSON: {exc.msg} (line {exc.lineno})") from None
    return from_dict(data)


def write_instance(problem: Problem, path: str | Path) -> None:
    Path(path).write_text(json.dumps(to_dict(problem), ensure_ascii=False), encoding="utf-8")
