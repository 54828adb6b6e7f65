"""A company's text parts, in one place: what its `search_text` indexes and what the engine reads.

The page services, the bulk write of an import and the matching adapter all call these, so a new
part (say, certifications) is added here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def capability_text(capability: Any) -> str:
    """A capability as search indexes it: its Korean name and its keywords."""
    return capability.name_ko + " " + capability.keywords


def solution_text(solution: Any) -> str:
    return solution.name + " " + solution.description


def reference_text(reference: Any) -> str:
    return reference.problem + " " + reference.result


def company_engine_text(company: Any, *, solutions: Iterable[Any], references: Iterable[Any]) -> str:
    """What the engine reads of a supplier: name, description, solutions and past projects, one per line."""
    parts = [
        company.name,
        company.description,
        *(solution_text(s) for s in solutions),
        *(reference_text(r) for r in references),
    ]
    return "\n".join(part for part in parts if part)


def company_search_parts(
    company: Any,
    *,
    capabilities: Iterable[Any],
    solutions: Iterable[Any],
    references: Iterable[Any],
    ksic_names: Iterable[str],
) -> list[str | None]:
    """What `search_text` indexes, each part analysed apart (`dxhub.core.search.index_texts`).

    Related rows come in the models' default orders: capabilities by name, solutions by name,
    references newest first, KSIC names by code.
    """
    parts: list[str | None] = [company.name, company.name_en, company.description]
    parts += [capability_text(c) for c in capabilities]
    parts += [solution_text(s) for s in solutions]
    parts += [reference_text(r) for r in references]
    parts += list(ksic_names)
    return parts
