"""The API root's own routes (tests/access.py): the schema and its docs page; the operations are in the
tables of their apps."""

from __future__ import annotations

import pytest

from tests import access
from tests.access import page


@pytest.fixture
def world(db):
    return {}


ACCESS = [
    page("api:openapi-json"),
    page("api:openapi-view"),
    page("api:api-root", default=404),
]


@pytest.mark.parametrize("row", access.params(ACCESS))
def test_access(row, world, request):
    access.check(row, world, access.people(request))
