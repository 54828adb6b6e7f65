"""Who may see and change hubs and the capability taxonomy (tests/access.py)."""

from __future__ import annotations

import pytest

from dxhub.reference.models import Capability
from tests import access
from tests.access import LOGIN, page

# Operators (of any hub) and ministry staff add hubs and edit the taxonomy.
STAFF = {"default": 403, "anonymous": LOGIN, "ministry": 200, "operator": 200, "busan_operator": 200}


@pytest.fixture
def world(hubs):
    return {"hub": hubs["changwon"], "capability": Capability.objects.first()}


ACCESS = [
    page("hubs:list"),
    page("hubs:detail", lambda w: [w["hub"].pk]),
    page("hubs:create", **STAFF),
    page("hubs:create", method="post", **STAFF),
    # Only its own operator (and ministry) edit a hub.
    page("hubs:edit", lambda w: [w["hub"].pk], **{**STAFF, "busan_operator": 403}),
    page("hubs:edit", lambda w: [w["hub"].pk], method="post", **{**STAFF, "busan_operator": 403}),
    page("hubs:capabilities", anonymous=LOGIN),
    page("hubs:capabilities", method="post", **STAFF),
    page("hubs:capability_edit", lambda w: [w["capability"].pk], **STAFF),
    page("hubs:capability_edit", lambda w: [w["capability"].pk], method="post", **STAFF),
]


@pytest.mark.parametrize("row", access.params(ACCESS))
def test_access(row, world, request):
    access.check(row, world, access.people(request))
