from __future__ import annotations

import pytest

from dxhub.needs.models import Need
from tests.factories import NeedFactory


@pytest.fixture
def need(demander_company) -> Need:
    return NeedFactory(company=demander_company)
