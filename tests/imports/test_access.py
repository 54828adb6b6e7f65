"""Who may import (tests/access.py): hub operators and ministry staff; an operator sees only their hub's
import jobs (another hub's are 404), everyone else is refused (403)."""

from __future__ import annotations

import pytest

from dxhub.imports.models import ImportJob
from tests import access
from tests.access import LOGIN, page

STAFF = {"default": 403, "anonymous": LOGIN, "ministry": 200, "operator": 200, "busan_operator": 200}
OWN_HUB = {**STAFF, "busan_operator": 404}


@pytest.fixture
def world(operator, hubs):
    job = ImportJob.objects.create(
        kind=ImportJob.Kind.COMPANIES,
        filename="기업.xlsx",
        content=b"",
        uploaded_by=operator,
        hub=hubs["changwon"],
    )
    return {"job": job}


ACCESS = [
    page("imports:upload", **STAFF),
    page("imports:upload", method="post", **STAFF),
    page("imports:job", lambda w: [w["job"].pk], **OWN_HUB),
    page(
        "imports:commit",
        lambda w: [w["job"].pk],
        method="post",
        **{**OWN_HUB, "ministry": 302, "operator": 302},
    ),
    page("imports:template", lambda w: ["companies"], **STAFF),
]


@pytest.mark.parametrize("row", access.params(ACCESS))
def test_access(row, world, request):
    access.check(row, world, access.people(request))
