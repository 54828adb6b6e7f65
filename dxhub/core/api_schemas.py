from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Model, QuerySet
from ninja import Schema


class PageOut[T](Schema):
    count: int
    page: int
    pages: int
    results: list[T]


def page_of(items: QuerySet[Any], page: int, serialize: Any) -> dict[str, Any]:
    paginator = Paginator(items, settings.PAGE_SIZE)
    current = paginator.get_page(page)
    return {
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "results": [serialize(obj) for obj in current.object_list],
    }


def resolve[M: Model](model: type[M], field: str, values: list[str], label: str) -> list[M]:
    """Objects for the given keys, or a 400 naming the unknown ones."""
    found = {str(getattr(o, field)): o for o in model._default_manager.filter(**{f"{field}__in": values})}
    missing = [v for v in values if v not in found]
    if missing:
        raise ValidationError({label: [f"unknown: {', '.join(missing)}"]})
    return [found[v] for v in values]
