"""Korean keyword search over a denormalised `search_text` column of analysed terms."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from matching.text import analyze, search_terms


def index_text(parts: Iterable[str | None]) -> str:
    """The terms of all parts, space separated, each once: what `keyword_filter` searches."""
    text = "\n".join(p for p in parts if p)
    terms = dict.fromkeys(analyze(text))
    return " " + " ".join(terms) + " " if terms else ""


def keyword_filter[M](queryset: QuerySet[M], query: str, *, name_field: str = "name") -> QuerySet[M]:
    """Every analysed term of the query must occur in the row's terms (or in its name, as typed)."""
    query = (query or "").strip()
    if not query:
        return queryset
    terms = search_terms(query)
    if not terms:
        return queryset.filter(**{f"{name_field}__icontains": query})
    condition = Q()
    for term in terms:
        condition &= Q(search_text__contains=term)
    return queryset.filter(condition | Q(**{f"{name_field}__icontains": query}))
