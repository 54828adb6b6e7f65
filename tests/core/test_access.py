"""Who may see the dashboard and switch language (tests/access.py)."""

from __future__ import annotations

import pytest

from tests import access
from tests.access import LOGIN, page


@pytest.fixture
def world(db):
    return {}


ACCESS = [
    page("dashboard", anonymous=LOGIN),
    page("set_language", method="post", data={"language": "en", "next": "/"}, default=302),
]


@pytest.mark.parametrize("row", access.params(ACCESS))
def test_access(row, world, request):
    access.check(row, world, access.people(request))
