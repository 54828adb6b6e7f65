"""Who may see shortlists and recommendations (tests/access.py): a need's shortlist is its company's,
its hub operator's and ministry's; a company's recommendations likewise."""

from __future__ import annotations

import pytest

from dxhub.needs.models import Need
from tests import access
from tests.access import LOGIN, op, page
from tests.factories import NeedFactory

# The hub-only need: unseen outside Changwon (404), seen but not theirs for Changwon suppliers (403).
NEED = {"busan_operator": 404, "ochang_member": 404, "evaluator": 404, "supplier": 403, "supplier_owner": 403}
DRAFT = {**NEED, "supplier": 404, "supplier_owner": 404}
COMPANY = {
    "busan_operator": 403,
    "supplier": 403,
    "supplier_owner": 403,
    "ochang_member": 403,
    "evaluator": 403,
}


@pytest.fixture
def world(demander_company):
    return {
        "need": NeedFactory(company=demander_company, visibility=Need.Visibility.HUB),
        "draft": NeedFactory(company=demander_company, status=Need.Status.DRAFT),
        "company": demander_company,
    }


ACCESS = [
    page("matches:need", lambda w: [w["need"].pk], anonymous=LOGIN, **NEED),
    page("matches:need", lambda w: [w["draft"].pk], case="draft", anonymous=LOGIN, **DRAFT),
    page("matches:company", lambda w: [w["company"].pk], anonymous=LOGIN, **COMPANY),
    op("GET /api/needs/{need_id}/matches", lambda w: {"need_id": w["need"].pk}, **NEED),
    op(
        "GET /api/companies/{company_id}/recommendations",
        lambda w: {"company_id": w["company"].pk},
        **COMPANY,
    ),
]


@pytest.mark.parametrize("row", access.params(ACCESS))
def test_access(row, world, request):
    access.check(row, world, access.people(request))
