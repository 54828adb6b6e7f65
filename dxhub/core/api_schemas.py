"""Pieces shared by the app routers of the REST API: pages, input types, key lookups, filter checks."""

from __future__ import annotations

from typing import Annotated, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Model, QuerySet
from ninja import Schema
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

# Storage limits of the columns behind integer fields (PostgreSQL integer and bigint).
INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
# Longest list of codes or slugs one request may name.
MAX_KEYS = 50


def _reject_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL, and no form field accepts it either.
    if "\x00" in value:
        raise ValueError("text may not contain NUL (0x00) characters")
    return value


class ErrorOut(Schema):
    """The one error shape of the API: a sentence, and messages per field where a field is at fault."""

    detail: str
    errors: dict[str, list[str]] | None = None


# The error answers every operation declares beside its success (the API root's handlers produce them).
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


Text = Annotated[str, AfterValidator(_reject_nul)]
"""A string from the request body: anything but NUL characters."""


class InputSchema(BaseModel):
    """A request body: one JSON object, with no keys the endpoint does not know (a typo is a 422).

    A plain pydantic model rather than ninja's Schema, which reads any value (a list, null) as an
    object without attributes. In PATCH bodies a field typed without `| None` may be left out but not
    sent as null (see `patch_field`).
    """

    model_config = ConfigDict(extra="forbid")


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def patch_field(**constraints: Any) -> Any:
    """A PATCH body field that may be left out (nothing changes) but, unless typed `| None`, not be null.

    Its default is never used (handlers read `model_dump(exclude_unset=True)`), so the schema shows none.
    """
    return Field(None, json_schema_extra=_no_default, **constraints)


class PageOut[T](Schema):
    count: int
    page: int
    pages: int
    results: list[T]


def page_of(items: QuerySet[Any], page: int, serialize: Any) -> dict[str, Any]:
    """One page of `items`; a page past the end gives the last page (and says which it is)."""
    paginator = Paginator(items, settings.PAGE_SIZE)
    current = paginator.get_page(page)
    return {
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "results": [serialize(obj) for obj in current.object_list],
    }


def check_filters(filterset: Any) -> None:
    """A 400 naming the query parameters the list's filter set rejected (unknown hub, capability…)."""
    if not filterset.is_valid():
        raise ValidationError({field: list(errors) for field, errors in filterset.errors.items()})


def resolve[M: Model](model: type[M], field: str, values: list[str], label: str) -> list[M]:
    """Objects for the given keys, or a 400 naming the unknown ones."""
    found = {str(getattr(o, field)): o for o in model._default_manager.filter(**{f"{field}__in": values})}
    missing = [v for v in values if v not in found]
    if missing:
        raise ValidationError({label: [f"unknown: {', '.join(missing)}"]})
    return [found[v] for v in dict.fromkeys(values)]
