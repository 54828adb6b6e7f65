"""`dxhub bench schedule` through the management command: generated and --instance runs."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from optimize.schedule import generate, write_instance
from optimize.schedule.bench import BenchError, run_schedule_bench

LAST = re.compile(r"^engine=(\d+) greedy=(\d+) bound=(\d+) seconds=([\d.]+)$")


def _last(text: str) -> tuple[int, int, int, float]:
    match = LAST.match(text.strip().splitlines()[-1])
    assert match, text
    return int(match[1]), int(match[2]), int(match[3]), float(match[4])


def test_generated_run_prints_the_summary_line() -> None:
    out = StringIO()
    call_command(
        "bench",
        "schedule",
        "--participants",
        "120",
        "--requests",
        "400",
        "--slots",
        "8",
        "--tables",
        "15",
        "--seed",
        "4",
        "--time-limit",
        "3",
        stdout=out,
    )
    engine, greedy, bound, seconds = _last(out.getvalue())
    assert greedy <= engine <= bound
    assert seconds < 4


def test_instance_file_run(tmp_path: Path) -> None:
    path = tmp_path / "day.json"
    write_instance(generate(participants=50, requests=150, slots=6, tables=10, seed=1), path)
    out = StringIO()
    call_command("bench", "schedule", "--instance", str(path), "--time-limit", "2", stdout=out)
    engine, greedy, bound, _ = _last(out.getvalue())
    assert greedy <= engine <= bound
    assert str(path) in out.getvalue()


def test_bad_options_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(BenchError, match="at most"):
        run_schedule_bench(
            {"participants": 3, "requests": 9, "slots": 2, "tables": 1, "seed": 1, "instance": None},
            StringIO(),
        )
    with pytest.raises(BenchError, match="cannot read"):
        run_schedule_bench({"instance": str(tmp_path / "nope.json")}, StringIO())
