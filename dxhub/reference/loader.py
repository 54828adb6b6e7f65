"""Loads the packaged reference data (KSIC, regions, capability taxonomy, the four hubs). Safe to re-run."""

from __future__ import annotations

import csv
from pathlib import Path

from django.db import transaction

from dxhub.reference.models import Capability, KsicCode, Region

DATA = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@transaction.atomic
def load_ksic() -> int:
    nodes: dict[str, tuple[str, int, str | None, str]] = {}
    for row in _rows("ksic10_tree.csv"):
        section = row["ksic1_cd"]
        chain = [(row[f"ksic{i}_cd"], row[f"ksic{i}_nm"]) for i in range(1, 6)]
        parent: str | None = None
        for level, (code, name) in enumerate(chain, start=1):
            nodes.setdefault(code, (name, level, parent, section))
            parent = code
    existing = set(KsicCode.objects.values_list("code", flat=True))
    # Parents first, so that the foreign keys resolve.
    for code, (name, level, parent, section) in sorted(nodes.items(), key=lambda kv: kv[1][1]):
        if code in existing:
            KsicCode.objects.filter(code=code).update(
                name=name, level=level, parent_id=parent, section=section
            )
        else:
            KsicCode.objects.create(code=code, name=name, level=level, parent_id=parent, section=section)
    return len(nodes)


@transaction.atomic
def load_regions() -> int:
    count = 0
    for row in _rows("sido_centroids.csv"):
        Region.objects.update_or_create(
            code=row["code"],
            defaults={
                "level": Region.Level.SIDO,
                "name": row["sido"],
                "full_name": row["sido"],
                "lat": float(row["centroid_lat"]),
                "lon": float(row["centroid_lon"]),
                "parent": None,
            },
        )
        count += 1
    for row in _rows("sigungu_centroids.csv"):
        Region.objects.update_or_create(
            code=row["code"],
            defaults={
                "level": Region.Level.SIGUNGU,
                "name": row["sigungu"],
                "full_name": f"{row['sido']} {row['sigungu']}",
                "parent_id": row["code"][:2],
                "lat": float(row["centroid_lat"]),
                "lon": float(row["centroid_lon"]),
            },
        )
        count += 1
    return count


@transaction.atomic
def load_capabilities() -> int:
    rows = _rows("capabilities.csv")
    for row in rows:
        # Operators may have edited names and keywords: only create what is missing.
        Capability.objects.get_or_create(
            slug=row["slug"],
            defaults={"name_ko": row["name_ko"], "name_en": row["name_en"], "keywords": row["keywords"]},
        )
    return len(rows)


def load_all() -> dict[str, int]:
    """The reference tables only; `dxhub.hubs.seed.load_all` adds the hubs that stand on them."""
    return {"ksic": load_ksic(), "regions": load_regions(), "capabilities": load_capabilities()}
