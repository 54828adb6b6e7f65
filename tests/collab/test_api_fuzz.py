"""The shared API fuzzer, aimed at real collaborations at several stages: never a 5xx, errors carry a detail.

The suite-wide fuzzer (tests/api/test_fuzz.py, strategies in tests/fuzz.py) fills in need and company ids only, so the
journey's endpoints would only ever see unknown collaboration ids there.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.collab.conftest import walk
from tests.fuzz import FUZZ, SCHEMA, body_strategy, check, id_strategy

OPERATIONS = [
    (m, p) for p, ops in SCHEMA["paths"].items() if p.startswith("/api/collaborations/{") for m in ops
]
PEOPLE = ["demander", "supplier", "operator", "ministry", "ochang_member"]


@pytest.fixture
def world(api, request, need, demander, supplier, operator):
    from tests.factories import NeedFactory

    stages = ["interest", "meeting", "proposal", "project", "completed"]
    collaborations = [walk(need, demander, supplier, operator, stages[0])]
    for stage in stages[1:]:
        other = NeedFactory(company=demander.company)
        collaborations.append(walk(other, demander, supplier, operator, stage))
    ids = {
        "collaboration_id": [c.pk for c in collaborations],
        "meeting_id": [m.pk for c in collaborations for m in c.meetings.all()] or [1],
        "proposal_id": [p.pk for c in collaborations for p in c.proposals.all()] or [1],
        "milestone_id": [1],
    }
    return {"clients": {name: api(request.getfixturevalue(name)) for name in PEOPLE}, "ids": ids}


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
@FUZZ
@given(data=st.data())
def test_journey_operation_never_fails_with_5xx(world, method, path, data):
    operation = SCHEMA["paths"][path][method]
    client = world["clients"][data.draw(st.sampled_from(PEOPLE), label="persona")]
    url = path.removeprefix("/api")
    for name, known in world["ids"].items():
        if "{" + name + "}" in url:
            url = url.replace("{" + name + "}", data.draw(id_strategy(known), label=name))
    if method == "get":
        check(client.get(url))
        return
    body = body_strategy(operation)
    payload = data.draw(body, label="body") if body is not None else None
    check(client.send(method, url, "" if payload is None else json.dumps(payload)))
