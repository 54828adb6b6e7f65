"""Property-based requests against the API's own OpenAPI schema: whatever comes in, never a 5xx.

schemathesis is not among the project's dependencies, so hypothesis plays its part: for every operation
in /api/openapi.json it draws query strings and JSON bodies from the declared schema, mixed with values
of the wrong type, unknown keys, odd ids and real reference codes (so requests also get past validation
and reach the services). Each response must be below 500 and, when it is an error, carry a `detail`.

DXHUB_FUZZ_EXAMPLES sets the number of examples per operation (default 40).
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxhub.needs.models import Need
from tests.factories import NeedFactory
from tests.fuzz import (
    FUZZ,
    OPERATIONS,
    PERSONAS,
    SCHEMA,
    SENDERS,
    body_strategy,
    check,
    id_strategy,
    query_strategy,
)


@pytest.fixture
def world(api, request, demander_company, ochang_company):
    """Clients for every persona and a need in each state, so that ids hit real rows."""
    needs = [
        NeedFactory(company=demander_company, status=status, visibility=visibility)
        for status in Need.Status.values
        for visibility in (Need.Visibility.HUB, Need.Visibility.PUBLIC)
    ]
    needs.append(NeedFactory(company=ochang_company, status=Need.Status.DRAFT))
    clients = {name: api(request.getfixturevalue(name)) for name in PERSONAS}
    clients["nobody"] = api(None)
    company_ids = [demander_company.pk, ochang_company.pk, request.getfixturevalue("supplier_company").pk]
    return {"clients": clients, "need_ids": [n.pk for n in needs], "company_ids": company_ids}


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
@FUZZ
@given(data=st.data())
def test_operation_never_fails_with_5xx(world, method, path, data):
    operation = SCHEMA["paths"][path][method]
    client = world["clients"][data.draw(st.sampled_from(SENDERS), label="persona")]
    url = path.removeprefix("/api")
    if "{company_id}" in url:
        url = url.replace("{company_id}", data.draw(id_strategy(world["company_ids"]), label="id"))
    if "{need_id}" in url:
        url = url.replace("{need_id}", data.draw(id_strategy(world["need_ids"]), label="id"))
    if method == "get":
        check(client.get(url, data.draw(query_strategy(operation), label="query")))
        return
    body = body_strategy(operation)
    payload = data.draw(body, label="body") if body is not None else None
    check(client.send(method, url, "" if payload is None else json.dumps(payload)))


WRITES = [(m, p) for m, p in OPERATIONS if m != "get"]


@pytest.mark.parametrize(("method", "path"), WRITES)
@FUZZ
@given(raw=st.one_of(st.binary(max_size=64), st.text(max_size=64).map(str.encode)))
def test_raw_bodies_never_fail_with_5xx(world, method, path, raw):
    url = path.removeprefix("/api").replace("{company_id}", str(world["company_ids"][0]))
    url = url.replace("{need_id}", str(world["need_ids"][0]))
    for persona in ("demander", "ministry"):
        check(world["clients"][persona].send(method, url, raw))
