"""Korean keyword search over a denormalised `search_text` column of analysed terms."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db.models import Model, Q, QuerySet

from matching.text import index_terms_many, search_terms


def index_texts(rows: Sequence[Sequence[str | None]]) -> list[str]:
    """For each row's parts, the distinct terms space-separated with a space at either end (or "").

    Parts are analysed separately, as a search query is, so no term straddles two parts; a part that
    repeats across rows (capability keywords, KSIC names) is analysed once, which matters for imports.
    """
    unique = list(dict.fromkeys(part for parts in rows for part in parts if part))
    terms = dict(zip(unique, index_terms_many(unique), strict=True))
    texts: list[str] = []
    for parts in rows:
        seen = dict.fromkeys(term for part in parts if part for term in terms[part])
        texts.append(" " + " ".join(seen) + " " if seen else "")
    return texts


def index_text(parts: Iterable[str | None]) -> str:
    """The terms of all parts, space separated, each once: what `keyword_filter` searches."""
    return index_texts([list(parts)])[0]


def keyword_filter[M: Model](queryset: QuerySet[M], query: str, *, name_field: str = "name") -> QuerySet[M]:
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
