"""Plain data the engine ranks: suppliers profiled by their past records, and queries (needs).

The SBIR benchmark format (``suppliers.jsonl``, ``queries.jsonl``, ``qrels.tsv``; see
``../shared/data/README.md``) maps onto these one to one; so does a dxhub supplier (records = its
past projects, agency = the client's industry) and a demand (query).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Sub-agencies of the US Department of Defense as they appear in SBIR award records: awards before
# about 2011 name the service or agency, later ones name the department. Folding them together
# gives the agency-match priors their "industry" meaning (shipped in features.json).
SBIR_AGENCY_PARENTS = dict.fromkeys(
    (
        "Air Force",
        "Army",
        "Navy",
        "Defense Advanced Research Projects Agency",
        "Defense Health Program",
        "Defense Logistics Agency",
        "Defense Microelectronics Activity",
        "Defense Threat Reduction Agency",
        "Missile Defense Agency",
        "National Geospatial-Intelligence Agency",
        "Office for Chemical and Biological Defense",
        "Office of the Secretary of Defense",
        "Special Operations Command",
    ),
    "Department of Defense",
)


@dataclass(frozen=True)
class Record:
    """One piece of a supplier's track record: a past project."""

    year: int
    agency: str
    title: str
    text: str


@dataclass(frozen=True)
class Supplier:
    id: str
    name: str
    records: tuple[Record, ...]


@dataclass(frozen=True)
class Query:
    """A need to match. ``title`` defaults to the first sentence of ``text``."""

    id: str
    year: int
    agency: str
    text: str
    title: str | None = None


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def read_suppliers(path: str | Path) -> list[Supplier]:
    return [
        Supplier(
            id=str(row["id"]),
            name=str(row.get("name", "")),
            records=tuple(
                Record(
                    year=int(r.get("year") or 0),
                    agency=str(r.get("agency") or ""),
                    title=str(r.get("title") or ""),
                    text=str(r.get("text") or ""),
                )
                for r in row.get("records", [])
            ),
        )
        for row in _read_jsonl(Path(path))
    ]


def read_queries(path: str | Path) -> list[Query]:
    return [
        Query(
            id=str(row["id"]),
            year=int(row.get("year") or 0),
            agency=str(row.get("agency") or ""),
            text=str(row.get("text") or ""),
            title=row.get("title"),
        )
        for row in _read_jsonl(Path(path))
    ]


def read_qrels(path: str | Path) -> dict[str, set[str]]:
    """query id -> ids of the relevant suppliers (relevance > 0)."""
    qrels: dict[str, set[str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        for row in reader:
            if len(row) < 3 or row[0] == "query_id":
                continue
            if float(row[2]) > 0:
                qrels.setdefault(row[0], set()).add(row[1])
    return qrels


@dataclass(frozen=True)
class Benchmark:
    suppliers: list[Supplier]
    queries: list[Query]
    qrels: dict[str, set[str]]


def read_benchmark(data_dir: str | Path) -> Benchmark:
    """A benchmark directory in the SBIR format."""
    d = Path(data_dir)
    return Benchmark(
        suppliers=read_suppliers(d / "suppliers.jsonl"),
        queries=read_queries(d / "queries.jsonl"),
        qrels=read_qrels(d / "qrels.tsv"),
    )
