"""A need's text parts, in one place: what its `search_text` indexes and what the engine reads.

The page services, the bulk write of an import and the matching adapter all call these.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dxhub.companies.text import capability_text

# The template's fields that carry the need's own words, in template order.
NEED_TEXT_FIELDS = ("title", "site", "problem", "current_practice", "data_kinds", "target_kpi")


def need_text_parts(need: Any) -> list[str | None]:
    return [getattr(need, name) for name in NEED_TEXT_FIELDS]


def need_engine_text(need: Any) -> str:
    """What the engine reads of a need: its own words, one part per line."""
    return "\n".join(part for part in need_text_parts(need) if part)


def need_search_parts(need: Any, *, capabilities: Iterable[Any]) -> list[str | None]:
    """What `search_text` indexes: the need's words, then each required capability (by name)."""
    return [*need_text_parts(need), *(capability_text(c) for c in capabilities)]
