"""Lists: filters, Korean keyword search, pagination, htmx partials, exports, and a bounded query count."""

from __future__ import annotations

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from dxhub.companies.models import Company
from dxhub.companies.services import company_create
from dxhub.reference.models import Capability, KsicCode, Region
from tests.factories import CompanyFactory, next_brn


def make_supplier(name, description, caps=(), ksic=(), hub=None, region="48123"):
    return company_create(
        brn=next_brn(),
        name=name,
        kind=Company.Kind.SUPPLIER,
        region=Region.objects.get(code=region),
        hub=hub,
        description=description,
        capabilities=Capability.objects.filter(slug__in=caps),
        ksic_codes=KsicCode.objects.filter(code__in=ksic),
    )


def test_korean_keyword_search_finds_inflected_words(client, demander, hubs):
    client.force_login(demander)
    vision = company_create(
        brn=next_brn(),
        name="센텀비전랩",
        kind="supplier",
        region=Region.objects.get(code="26350"),
        hub=hubs["busan-centum"],
        description="딥러닝 기반 외관 검사 솔루션을 제조 현장에 공급합니다.",
    )
    company_create(
        brn=next_brn(),
        name="창원클라우드",
        kind="supplier",
        region=Region.objects.get(code="48123"),
        hub=hubs["changwon"],
        description="제조 데이터 클라우드 전환",
    )
    # "검사를" is an inflected form: the morphological analyser reduces it to 검사.
    response = client.get(reverse("companies:list"), {"q": "외관 검사를"})
    names = [c.name for c in response.context["page_obj"]]
    assert names == [vision.name]


def test_filters_by_hub_region_ksic_capability(client, operator, hubs):
    a = make_supplier("가공비전", "비전", caps=["vision-inspection"], ksic=["62010"], hub=hubs["changwon"])
    b = make_supplier(
        "오창클라우드",
        "클라우드",
        caps=["cloud-migration"],
        ksic=["63112"],
        hub=hubs["ochang"],
        region="43710",
    )
    client.force_login(operator)
    url = reverse("companies:list")

    def names(**params):
        return {c.name for c in client.get(url, params).context["page_obj"]} & {a.name, b.name}

    assert names(hub=hubs["ochang"].pk) == {b.name}
    assert names(region="43") == {b.name}  # a 시도 code matches its 시군구
    assert names(region="48123") == {a.name}
    assert names(ksic="J") == {a.name, b.name}  # a KSIC section letter
    assert names(ksic="620") == {a.name}
    assert names(capability="cloud-migration") == {b.name}
    assert names(kind="supplier") == {a.name, b.name}


def test_bad_filter_values_give_an_empty_list_not_an_error(client, operator):
    client.force_login(operator)
    response = client.get(reverse("companies:list"), {"hub": "not-a-number", "page": "9999"})
    assert response.status_code == 200


def test_pagination_and_htmx_partial(client, operator, hubs):
    for _ in range(45):
        CompanyFactory(hub=hubs["changwon"])
    client.force_login(operator)
    url = reverse("companies:list")
    page = client.get(url)
    assert page.context["page_obj"].paginator.num_pages == 3
    assert b"<html" in page.content
    partial = client.get(url, {"page": 2}, headers={"HX-Request": "true"})
    assert b"<html" not in partial.content and partial.context["page_obj"].number == 2


def test_list_query_count_does_not_grow_with_rows(client, operator, hubs):
    client.force_login(operator)
    url = reverse("companies:list")
    for _ in range(5):
        CompanyFactory(hub=hubs["changwon"])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(15):
        c = CompanyFactory(hub=hubs["changwon"])
        c.capabilities.set(Capability.objects.all()[:3])
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_filtered_export_has_the_filtered_rows(client, operator, hubs):
    make_supplier("익스포트비전", "비전", caps=["vision-inspection"], hub=hubs["changwon"])
    make_supplier("익스포트클라우드", "클라우드", caps=["cloud-migration"], hub=hubs["changwon"])
    client.force_login(operator)
    response = client.get(reverse("companies:list"), {"capability": "vision-inspection", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "사업자등록번호"
    names = {r[1] for r in rows[1:]}
    assert "익스포트비전" in names and "익스포트클라우드" not in names
