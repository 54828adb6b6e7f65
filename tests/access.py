"""One helper for every app's access table: persona × route or API operation × read/write → status.

Each app's `tests/<app>/test_access.py` holds `ACCESS`, a list of rows built with `page(...)` (a named
URL route) or `op(...)` (an API operation, named as in the OpenAPI schema: "GET /api/needs/{need_id}"),
and a `world` fixture with the objects the rows point at. `check(row, ...)` asks the route as each of the
named personas of tests/conftest.py and reports every persona whose answer differs from the table.

Expected answers:
- a status code (200, 201, 302, 400, 403, 404, 409, 422, …): exactly that;
- ``LOGIN``: a redirect to the sign-in page (a visitor asking for a page that needs an account);
- ``ALLOWED``: any answer below 400 that is not a redirect to sign-in (a write whose answer is a
  redirect or a re-shown form, a file download).

The house rules these tables check: an object a person may not see answers 404, one they may see but not
change answers 403, a visitor asking for a page is sent to sign in, a visitor calling the API gets 401.

Every persona's request runs in a savepoint that is rolled back, so a write by one persona never changes
what the next one is tested against. `tests/test_access_tables.py` fails when a named route or an API
operation is in no table.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from dxhub.accounts.models import ApiToken

PERSONAS = (
    "anonymous",
    "ministry",
    "operator",
    "busan_operator",
    "supplier",
    "supplier_owner",
    "demander",
    "ochang_member",
    "evaluator",
)
LOGIN = "login"
ALLOWED = "allowed"
SIGN_IN = "/accounts/login/"

World = Mapping[str, Any]


@dataclass(frozen=True)
class Row:
    """One route (or API operation) asked one way, with what each persona must get."""

    name: str  # the URL name ("needs:detail") or the API operation ("GET /api/needs/{need_id}")
    method: str
    url: Callable[[World], str]
    expect: dict[str, int | str]
    data: Callable[[World], Any] | None = None
    case: str = ""  # which object or variant, when a route has several rows
    api: bool = False
    xfail: str = ""  # a known access bug: the reason (the row then must fail, strict)

    @property
    def id(self) -> str:
        return f"{self.method} {self.name}" + (f" [{self.case}]" if self.case else "")

    @property
    def is_write(self) -> bool:
        return self.method != "get"


def expect(default: int | str, overrides: Mapping[str, int | str]) -> dict[str, int | str]:
    unknown = set(overrides) - set(PERSONAS)
    assert not unknown, f"not personas: {unknown}"
    return {p: overrides.get(p, default) for p in PERSONAS}


def page(
    name: str,
    args: Callable[[World], list[Any]] | None = None,
    *,
    method: str = "get",
    query: str = "",
    data: Callable[[World], Any] | dict[str, Any] | None = None,
    case: str = "",
    default: int | str = 200,
    xfail: str = "",
    **overrides: int | str,
) -> Row:
    """A named page route; `default` is the answer of every persona not named in `overrides`."""

    def url(w: World) -> str:
        return reverse(name, args=args(w) if args else []) + query

    return Row(name, method, url, expect(default, overrides), _callable(data), case, False, xfail)


def op(
    operation: str,
    ids: Callable[[World], dict[str, Any]] | None = None,
    *,
    body: Callable[[World], Any] | dict[str, Any] | None = None,
    query: str = "",
    case: str = "",
    default: int | str = 200,
    xfail: str = "",
    **overrides: int | str,
) -> Row:
    """An API operation "METHOD /api/path/{param}"; a visitor without a token gets 401 unless overridden."""
    method, path = operation.split(" ", 1)

    def url(w: World) -> str:
        return path.format(**(ids(w) if ids else {})) + query

    overrides.setdefault("anonymous", 401)
    return Row(operation, method.lower(), url, expect(default, overrides), _callable(body), case, True, xfail)


def _callable(value: Any) -> Callable[[World], Any] | None:
    if value is None or callable(value):
        return value
    return lambda _w: value


def params(rows: list[Row]) -> list[Any]:
    """The rows as pytest parameters, with their ids and their strict xfail marks."""
    return [
        pytest.param(
            row, id=row.id, marks=[pytest.mark.xfail(strict=True, reason=row.xfail)] if row.xfail else []
        )
        for row in rows
    ]


def people(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The named personas of tests/conftest.py (None for the visitor)."""
    return {p: None if p == "anonymous" else request.getfixturevalue(p) for p in PERSONAS}


def answer(row: Row, world: World, person: Any) -> Any:
    """The response to `row` for `person`, inside a savepoint that is rolled back afterwards."""
    client = Client()
    with transaction.atomic():
        try:
            headers: dict[str, str] = {}
            if person is not None and row.api:
                headers["Authorization"] = f"Bearer {ApiToken.issue(person)[1]}"
            elif person is not None:
                client.force_login(person)
            call = getattr(client, row.method)
            data = row.data(world) if row.data else None
            if row.api and row.method != "get":
                body = "" if data is None else json.dumps(data)
                return call(row.url(world), body, content_type="application/json", headers=headers)
            return call(row.url(world), data or {}, headers=headers)
        finally:
            transaction.set_rollback(True)


def matches(want: int | str, response: Any) -> bool:
    got = response.status_code
    to_sign_in = got == 302 and SIGN_IN in response.get("Location", "")
    if want == LOGIN:
        return to_sign_in
    if want == ALLOWED:
        return got < 400 and not to_sign_in
    return got == want and not (got == 302 and to_sign_in)


def check(row: Row, world: World, persons: Mapping[str, Any]) -> None:
    """Ask `row` as every persona; fail with one line per persona that got something else."""
    wrong = []
    for persona in PERSONAS:
        response = answer(row, world, persons[persona])
        want = row.expect[persona]
        if not matches(want, response):
            where = response.get("Location", "") if response.status_code in (301, 302) else ""
            wrong.append(f"{persona}: expected {want}, got {response.status_code} {where}".rstrip())
    assert not wrong, f"{row.id}:\n  " + "\n  ".join(wrong)
