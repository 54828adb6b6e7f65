"""Figures per hub on the hub pages and the dashboards, counted by the apps that own the rows.

The hubs floor cannot import companies or needs; those apps add a `FigureSource` to `HUB_FIGURES` in their
`AppConfig.ready()`, and a new app (spaces, facilities…) adds its own columns the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from dxhub.core.hooks import Contributions
from dxhub.hubs.models import Hub


@dataclass(frozen=True)
class FigureSource:
    """Columns one app counts: their zero values, and one grouped query for many hubs at once."""

    empty: dict[str, int]
    count: Callable[[list[int]], dict[int, dict[str, int]]]


HUB_FIGURES: Contributions[FigureSource] = Contributions("hub figures")


def hub_figures(hubs: Iterable[Hub]) -> list[dict[str, Any]]:
    """One dict per hub with every contributed column and the hub itself; one query per source."""
    hubs = list(hubs)
    ids = [hub.pk for hub in hubs]
    rows: dict[int, dict[str, Any]] = {pk: {} for pk in ids}
    for source in HUB_FIGURES:
        counted = source.count(ids) if ids else {}
        for pk in ids:
            rows[pk].update(source.empty)
            rows[pk].update(counted.get(pk, {}))
    return [{**rows[hub.pk], "hub": hub} for hub in hubs]
