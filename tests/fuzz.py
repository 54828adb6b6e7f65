"""Hypothesis strategies drawn from the API's own OpenAPI schema, shared by the API fuzz tests.

schemathesis is not among the project's dependencies, so hypothesis plays its part: for every operation
in /api/openapi.json these strategies draw query strings and JSON bodies from the declared schema, mixed
with values of the wrong type, unknown keys, odd ids and real reference codes (so requests also get past
validation and reach the services). `check` is what every response must satisfy.

DXHUB_FUZZ_EXAMPLES sets the number of examples per operation (default 40).
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any
from urllib.parse import quote

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from dxhub.companies.brn import make_brn
from dxhub.site.api import api as ninja_api

EXAMPLES = int(os.environ.get("DXHUB_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # leave no .hypothesis directory behind
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PERSONAS = ["demander", "supplier", "operator", "busan_operator", "ministry", "ochang_member", "evaluator"]
# Who sends a request: the personas allowed to write (demander, operator, ministry) twice as often.
SENDERS = [*PERSONAS, "demander", "operator", "ministry", "nobody"]

SCHEMA = ninja_api.get_openapi_schema()
OPERATIONS = [(method, path) for path, ops in SCHEMA["paths"].items() for method in ops]

JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)
ANY_JSON = st.recursive(
    JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=8,
)
# Real keys, so that some requests pass validation and exercise the services behind it.
KNOWN: dict[str, st.SearchStrategy[Any]] = {
    "brn": st.builds(lambda n: make_brn(str(n).zfill(9)), st.integers(0, 999_999_999)),
    "region_code": st.sampled_from(["48123", "48250", "43710", "26350", "48", "99999"]),
    "region": st.sampled_from(["48", "43", "48123", "26350", ""]),
    "ksic": st.sampled_from(["29120", "58221", "C", "29", "99999", ""]),
    "ksic_codes": st.lists(st.sampled_from(["29120", "58221", "28202", "00000"]), max_size=3),
    "capabilities": st.lists(st.sampled_from(["vision-inspection", "mes-mom", "nope"]), max_size=3),
    "required_capabilities": st.lists(
        st.sampled_from(["vision-inspection", "digital-twin", "x"]), max_size=3
    ),
    "capability": st.sampled_from(["vision-inspection", "mes-mom", "nope", ""]),
    "hub": st.sampled_from(["changwon", "ochang", "atlantis"]),
    "website": st.sampled_from(["https://example.kr", "not a url", ""]),
    "q": st.sampled_from(["비전검사", "비전 검사", "용접", "%", "' OR 1=1 --", ""]),
}


@cache
def components() -> dict[str, Any]:
    return SCHEMA["components"]["schemas"]


def deref(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = components()[node["$ref"].rsplit("/", 1)[1]]
    return node


def from_schema(node: dict[str, Any], *, noisy: bool = False) -> st.SearchStrategy[Any]:
    """Values that the (small part of) JSON Schema ninja emits describes; `noisy` mixes in any JSON."""
    node = deref(node)
    if "anyOf" in node:
        return st.one_of([from_schema(n, noisy=noisy) for n in node["anyOf"]])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kind = node.get("type")
    if kind == "string":
        return st.text(min_size=node.get("minLength", 0), max_size=min(node.get("maxLength", 60), 60))
    if kind == "integer":
        return st.integers(min_value=node.get("minimum"), max_value=node.get("maximum"))
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        return st.lists(from_schema(node.get("items", {}), noisy=noisy), max_size=4)
    if kind == "object":
        props = node.get("properties", {})
        required = set(node.get("required", []))
        return st.fixed_dictionaries(
            {k: field(k, v, noisy) for k, v in props.items() if k in required},
            optional={k: field(k, v, noisy) for k, v in props.items() if k not in required},
        )
    return ANY_JSON


def field(name: str, node: dict[str, Any], noisy: bool) -> st.SearchStrategy[Any]:
    """A property's value: a known real key, one as declared, or (when noisy) any JSON at all."""
    choices = [KNOWN[name]] if name in KNOWN else []
    choices.append(from_schema(node, noisy=noisy))
    if noisy:
        choices.append(ANY_JSON)
    return st.one_of(choices)


def body_strategy(operation: dict[str, Any]) -> st.SearchStrategy[Any] | None:
    """Mostly bodies that fit the schema; also wrong types, unknown keys and bodies that are not objects."""
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if content is None:
        return None
    fitting = from_schema(content["schema"])
    noisy = st.builds(
        lambda body, extra: {**extra, **body},
        from_schema(content["schema"], noisy=True),
        st.dictionaries(st.text(max_size=8), ANY_JSON, max_size=2),
    )
    return st.one_of(fitting, fitting, noisy, ANY_JSON)


def query_strategy(operation: dict[str, Any]) -> st.SearchStrategy[dict[str, str]]:
    params = {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "query"}
    value = {
        name: st.one_of(KNOWN.get(name, st.nothing()), from_schema(p["schema"]), JSON_LEAVES).map(as_query)
        for name, p in params.items()
    }
    return st.fixed_dictionaries({}, optional=value)


def as_query(value: Any) -> str:
    if value is None:
        return ""
    return json.dumps(value) if not isinstance(value, str) else value


def id_strategy(known_ids: list[int]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(known_ids).map(str),
        st.integers(min_value=-(2**80), max_value=2**80).map(str),
        st.text(min_size=1, max_size=12).map(lambda s: quote(s, safe="")),
    )


def check(response: Any) -> None:
    assert response.status_code < 500, (response.status_code, response.content[:500])
    if response.status_code >= 400 and response.get("Content-Type", "").startswith("application/json"):
        assert isinstance(response.json().get("detail"), str), response.content[:500]
