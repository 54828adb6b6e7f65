"""Companies over the API: filters, Korean keyword search, who may create and change, pagination."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from dxhub.companies.brn import format_brn
from dxhub.companies.models import Company
from dxhub.companies.services import company_refresh_search
from dxhub.reference.models import Capability, KsicCode, Region
from tests.factories import CompanyFactory, UserFactory, next_brn


def make(**fields) -> Company:
    """A company whose search column is filled, as the services fill it."""
    ksic_codes = fields.pop("ksic_codes", [])
    capabilities = fields.pop("capabilities", [])
    company = CompanyFactory(**fields)
    company.ksic_codes.set(KsicCode.objects.filter(code__in=ksic_codes))
    company.capabilities.set(Capability.objects.filter(slug__in=capabilities))
    company_refresh_search(company)
    return company


def names(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["name"] for row in response.json()["results"]}


@pytest.fixture
def directory(hubs):
    """Four companies that differ in hub, region, industry, capability and role."""
    return {
        "vision": make(
            name="창원머신비전",
            kind=Company.Kind.SUPPLIER,
            description="머신 비전 검사 솔루션과 딥러닝 외관검사",
            ksic_codes=["58221"],
            capabilities=["vision-inspection"],
        ),
        "hydraulics": make(
            name="창원유압",
            kind=Company.Kind.DEMANDER,
            description="유압 기기를 만드는 제조기업",
            ksic_codes=["29120"],
        ),
        "battery": make(
            name="오창셀테크",
            kind=Company.Kind.BOTH,
            hub=hubs["ochang"],
            region=Region.objects.get(code="43710"),
            description="이차전지 셀 제조와 공정 데이터 분석",
            ksic_codes=["28202"],
            capabilities=["quality-analytics"],
        ),
        "energy": make(
            name="부산에너지IT",
            kind=Company.Kind.SUPPLIER,
            hub=hubs["busan-centum"],
            region=Region.objects.get(code="26350"),
            tenancy=Company.Tenancy.TENANT,
            description="공장 에너지 관리 시스템",
            capabilities=["energy-management"],
        ),
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"창원머신비전", "창원유압", "오창셀테크", "부산에너지IT"}),
        ({"region": "43"}, {"오창셀테크"}),
        ({"region": "48123"}, {"창원머신비전", "창원유압"}),
        ({"ksic": "29"}, {"창원유압"}),
        ({"ksic": "J"}, {"창원머신비전"}),
        ({"capability": "vision-inspection"}, {"창원머신비전"}),
        ({"kind": "supplier"}, {"창원머신비전", "오창셀테크", "부산에너지IT"}),
        ({"kind": "demander"}, {"창원유압", "오창셀테크"}),
        ({"tenancy": "tenant"}, {"부산에너지IT"}),
        ({"q": "유압"}, {"창원유압"}),
        ({"q": "에너지 관리"}, {"부산에너지IT"}),
        ({"q": "셀테크"}, {"오창셀테크"}),  # as typed, in the name
        ({"kind": "supplier", "region": "48"}, {"창원머신비전"}),
    ],
)
def test_list_filters(api, evaluator, directory, params, expected):
    assert names(api(evaluator).get("/companies", params)) == expected


def test_list_filter_by_hub_id(api, evaluator, directory, hubs):
    assert names(api(evaluator).get("/companies", {"hub": hubs["ochang"].pk})) == {"오창셀테크"}


def test_korean_keyword_query_matches_spaced_and_joined_writing(api, evaluator, directory):
    # The description says "비전 검사" and the capability's keywords "비전검사": both queries find it.
    client = api(evaluator)
    assert names(client.get("/companies", {"q": "비전 검사"})) == {"창원머신비전"}
    assert names(client.get("/companies", {"q": "비전검사"})) == {"창원머신비전"}
    assert names(client.get("/companies", {"q": "외관검사"})) == {"창원머신비전"}


def test_korean_keyword_query_matches_joined_writing_in_the_description(api, evaluator, hubs):
    make(name="정밀검사", description="비전검사 장비와 카메라 설치")
    make(name="용접기", description="용접 로봇")
    assert names(api(evaluator).get("/companies", {"q": "비전 검사"})) == {"정밀검사"}
    assert names(api(evaluator).get("/companies", {"q": "비전검사"})) == {"정밀검사"}


def test_joined_query_matches_spaced_description_alone(api, evaluator, hubs):
    make(name="가나다", description="머신 비전 검사 솔루션")
    assert names(api(evaluator).get("/companies", {"q": "비전검사"})) == {"가나다"}


@pytest.mark.parametrize(
    ("params", "field"),
    [({"capability": "no-such-capability"}, "capability"), ({"hub": 999999}, "hub")],
)
def test_unknown_filter_value_is_400_naming_it(api, evaluator, params, field):
    response = api(evaluator).get("/companies", params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.parametrize(("params", "field"), [({"kind": "robot"}, "kind"), ({"tenancy": "x"}, "tenancy")])
def test_bad_enum_filter_is_422(api, evaluator, params, field):
    response = api(evaluator).get("/companies", params)
    assert response.status_code == 422
    assert field in response.json()["errors"]


@override_settings(PAGE_SIZE=20)
def test_pagination_shape(api, evaluator, db):
    for _ in range(25):
        CompanyFactory()
    client = api(evaluator)
    first = client.get("/companies").json()
    assert set(first) == {"count", "page", "pages", "results"}
    assert (first["count"], first["page"], first["pages"], len(first["results"])) == (25, 1, 2, 20)
    second = client.get("/companies", {"page": 2}).json()
    assert (second["page"], len(second["results"])) == (2, 5)
    ids = {r["id"] for r in first["results"]} | {r["id"] for r in second["results"]}
    assert len(ids) == 25
    past_the_end = client.get("/companies", {"page": 99}).json()
    assert past_the_end["page"] == 2


def test_detail(api, evaluator, supplier_company):
    response = api(evaluator).get(f"/companies/{supplier_company.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "창원비전AI"
    assert body["hub"] == "changwon"
    assert body["region_code"] == "48123"


def company_payload(**overrides):
    payload = {
        "brn": format_brn(next_brn()),
        "name": "김해스마트팩토리",
        "kind": "supplier",
        "region_code": "48250",
        "ksic_codes": ["58221"],
        "capabilities": ["mes-mom", "industrial-iot"],
        "description": "MES 구축과 설비 데이터 수집",
    }
    return {**payload, **overrides}


def test_operator_creates_a_company_in_their_hub(api, operator):
    payload = company_payload()
    response = api(operator).post("/companies", payload)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["hub"] == "changwon"
    assert body["brn"] == payload["brn"].replace("-", "")  # stored as digits
    company = Company.objects.get(pk=body["id"])
    assert company.hub.slug == "changwon"
    assert sorted(c.slug for c in company.capabilities.all()) == ["industrial-iot", "mes-mom"]
    assert "mes" in company.search_text  # indexed for keyword search


def test_operator_may_not_place_a_company_in_another_hub(api, operator):
    response = api(operator).post("/companies", company_payload(hub="ochang"))
    assert response.status_code == 403
    assert not Company.objects.filter(name="김해스마트팩토리").exists()


def test_ministry_creates_a_company_in_any_hub(api, ministry):
    response = api(ministry).post("/companies", company_payload(hub="ochang", region_code="43710"))
    assert response.status_code == 201, response.content
    assert response.json()["hub"] == "ochang"


@pytest.mark.parametrize("persona", ["supplier", "demander", "evaluator"])
def test_others_may_not_create(api, request, persona):
    response = api(request.getfixturevalue(persona)).post("/companies", company_payload())
    assert response.status_code == 403
    assert "detail" in response.json()
    assert not Company.objects.filter(name="김해스마트팩토리").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"brn": "123-45-67890"}, "brn"),  # the check digit would be 1
        ({"brn": "12345"}, "brn"),
        ({"ksic_codes": ["99999"]}, "ksic_codes"),
        ({"capabilities": ["teleportation"]}, "capabilities"),
        ({"region_code": "00000"}, "region_code"),
        ({"region_code": "48"}, "region"),  # a 시도, not a 시군구
        ({"hub": "atlantis"}, "hub"),
        ({"website": "not a url"}, "website"),
    ],
)
def test_invalid_company_is_400_naming_the_field(api, ministry, overrides, field):
    response = api(ministry).post("/companies", company_payload(**overrides))
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"]
    assert field in body["errors"]


def test_duplicate_brn_is_400(api, ministry, supplier_company):
    response = api(ministry).post("/companies", company_payload(brn=supplier_company.brn))
    assert response.status_code == 400
    assert "brn" in response.json()["errors"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [({"kind": "robot"}, "kind"), ({"tenancy": "x"}, "tenancy"), ({"employees": -1}, "employees")],
)
def test_bad_enum_or_range_is_422(api, ministry, overrides, field):
    response = api(ministry).post("/companies", company_payload(**overrides))
    assert response.status_code == 422
    assert field in response.json()["errors"]


@pytest.mark.parametrize("persona", ["supplier", "supplier_owner", "operator", "ministry"])
def test_patch_by_member_hub_operator_or_ministry(api, request, supplier_company, persona):
    client = api(request.getfixturevalue(persona))
    response = client.patch(
        f"/companies/{supplier_company.pk}",
        {"description": "AI 비전 검사 전문", "employees": 42, "capabilities": ["vision-inspection"]},
    )
    assert response.status_code == 200, response.content
    supplier_company.refresh_from_db()
    assert (supplier_company.description, supplier_company.employees) == ("AI 비전 검사 전문", 42)
    assert "비전" in supplier_company.search_text
    assert response.json()["capabilities"] == ["vision-inspection"]


@pytest.mark.parametrize("persona", ["demander", "ochang_member", "busan_operator", "evaluator"])
def test_patch_by_others_is_403(api, request, supplier_company, persona):
    response = api(request.getfixturevalue(persona)).patch(
        f"/companies/{supplier_company.pk}", {"name": "탈취"}
    )
    assert response.status_code == 403
    supplier_company.refresh_from_db()
    assert supplier_company.name == "창원비전AI"


def test_patch_leaves_unsent_fields_alone(api, supplier, supplier_company):
    supplier_company.capabilities.set(Capability.objects.filter(slug="vision-inspection"))
    response = api(supplier).patch(f"/companies/{supplier_company.pk}", {"employees": 7})
    assert response.status_code == 200
    assert response.json()["capabilities"] == ["vision-inspection"]
    assert response.json()["name"] == "창원비전AI"


def test_patch_with_invalid_value_is_400(api, supplier, supplier_company):
    response = api(supplier).patch(f"/companies/{supplier_company.pk}", {"ksic_codes": ["00000"]})
    assert response.status_code == 400
    assert "ksic_codes" in response.json()["errors"]


def test_unknown_company_is_404(api, supplier):
    assert api(supplier).get("/companies/987654").status_code == 404
    assert api(supplier).patch("/companies/987654", {"name": "x"}).status_code == 404


def test_member_without_a_company_reads_but_does_not_change(api, db):
    # A member whose company was removed still reads the directory, but changes nothing.
    loner = UserFactory()
    company = CompanyFactory()
    assert api(loner).get(f"/companies/{company.pk}").status_code == 200
    assert api(loner).patch(f"/companies/{company.pk}", {"name": "x"}).status_code == 403


def test_list_queries_do_not_grow_with_rows(api, ministry, db):
    client = api(ministry)
    counts = []
    for batch in (3, 12):
        for _ in range(batch):
            CompanyFactory()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/companies").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
