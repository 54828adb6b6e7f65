"""Who may see and change companies (tests/access.py): every signed-in person reads the directory; a
company's members, its hub's operator and ministry staff change it; owners invite colleagues."""

from __future__ import annotations

import pytest

from dxhub.companies.brn import format_brn
from tests import access
from tests.access import LOGIN, op, page
from tests.factories import next_brn

SIGNED_IN = {"anonymous": LOGIN}
# The Changwon demander is changed by its members, the Changwon operator and ministry.
CHANGE = {
    "busan_operator": 403,
    "supplier": 403,
    "supplier_owner": 403,
    "ochang_member": 403,
    "evaluator": 403,
}
ADD = {"default": 403, "ministry": 200, "operator": 200, "busan_operator": 200}


def company(w):
    return [w["company"].pk]


def company_id(w):
    return {"company_id": w["company"].pk}


@pytest.fixture
def world(demander_company):
    return {"company": demander_company}


def new_company(w):
    return {
        "brn": format_brn(next_brn()),
        "name": "창원신규정밀",
        "kind": "demander",
        "region_code": "48123",
        "ksic_codes": ["29271"],
        "hub": "changwon",
    }


ACCESS = [
    page("companies:list", **SIGNED_IN),
    page("companies:list", query="?format=xlsx", case="export", **SIGNED_IN),
    page("companies:detail", company, **SIGNED_IN),
    page("companies:create", **ADD, anonymous=LOGIN),
    page("companies:create", method="post", **ADD, anonymous=LOGIN),
    page("companies:edit", company, **SIGNED_IN, **CHANGE),
    page("companies:edit", company, method="post", **SIGNED_IN, **CHANGE),
    # Inviting is for the company's owner (not every member), its hub's operator and ministry.
    page("companies:invite", company, method="post", default=302, **SIGNED_IN, **CHANGE),
    op("GET /api/companies"),
    # Operators create in their own hub only (busan → 403 for a Changwon company).
    op(
        "POST /api/companies",
        body=new_company,
        default=403,
        ministry=201,
        operator=201,
    ),
    op("GET /api/companies/{company_id}", company_id),
    op(
        "PATCH /api/companies/{company_id}",
        company_id,
        body={"address": "창원시 성산구 공단로 1"},
        **CHANGE,
    ),
]


@pytest.mark.parametrize("row", access.params(ACCESS))
def test_access(row, world, request):
    access.check(row, world, access.people(request))
