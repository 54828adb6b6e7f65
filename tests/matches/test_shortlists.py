"""Shortlists in the product: refreshed on save, shown with reasons, filtered, and kept private."""

from __future__ import annotations

import json

from django.urls import reverse

from dxhub.accounts.models import ApiToken
from dxhub.companies.services import company_update
from dxhub.matches.models import MatchResult
from dxhub.needs.models import Need
from dxhub.needs.services import need_create, need_publish
from dxhub.reference.models import Capability
from tests.matches.helpers import supplier


def welding_need(company, **extra):
    need = need_create(
        company=company,
        title="용접 비드 외관 불량 자동 검출",
        site="2공장 용접 라인",
        problem="용접 비드의 기공과 언더컷을 작업자가 육안으로 검사하여 불량 유출이 잦습니다. 머신비전 검사를 원합니다.",
        required_capabilities=Capability.objects.filter(slug="vision-inspection"),
        **extra,
    )
    return need_publish(need)


def setup_market(hubs, demander_company, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        vision = supplier(
            "창원머신비전",
            "용접 비드 외관 검사용 머신비전 딥러닝 솔루션",
            ["vision-inspection"],
            hubs["changwon"],
        )
        cloud = supplier(
            "센텀클라우드",
            "ERP 클라우드 전환과 서버 운영",
            ["cloud-migration"],
            hubs["busan-centum"],
            "26350",
        )
        need = welding_need(demander_company)
    return vision, cloud, need


def test_saving_a_need_refreshes_its_shortlist(hubs, demander_company, django_capture_on_commit_callbacks):
    vision, _cloud, need = setup_market(hubs, demander_company, django_capture_on_commit_callbacks)
    rows = list(MatchResult.objects.filter(direction="need", need=need).order_by("rank"))
    assert rows and rows[0].company == vision
    assert any("머신비전" in line or "비전" in line for line in rows[0].explanation["lines"])
    assert "vision-inspection" in rows[0].explanation["shared_capabilities"]
    assert "비전 검사" in " ".join(rows[0].explanation["lines"])  # named in Korean for people


def test_saving_a_profile_refreshes_its_recommendations(
    hubs, demander_company, django_capture_on_commit_callbacks
):
    vision, _cloud, need = setup_market(hubs, demander_company, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        company_update(vision, description="용접 비전 검사와 외관 불량 판정")
    recs = MatchResult.objects.filter(direction="supplier", company=vision)
    assert need.pk in set(recs.values_list("need_id", flat=True))


def test_recommendations_respect_need_visibility(hubs, demander_company, django_capture_on_commit_callbacks):
    _vision, cloud, need = setup_market(hubs, demander_company, django_capture_on_commit_callbacks)
    assert need.visibility == Need.Visibility.HUB
    with django_capture_on_commit_callbacks(execute=True):
        company_update(cloud, description="용접 비드 머신비전 검사")  # now a fit, but in another hub
    assert not MatchResult.objects.filter(direction="supplier", company=cloud, need=need).exists()


def test_need_page_shows_shortlist_with_reasons_to_the_demander_only(
    client, hubs, demander, demander_company, supplier, django_capture_on_commit_callbacks
):
    _vision, _cloud, need = setup_market(hubs, demander_company, django_capture_on_commit_callbacks)
    url = reverse("matches:need", args=[need.pk])
    client.force_login(demander)
    page = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "창원머신비전" in page and "<html" not in page
    client.force_login(supplier)  # a Changwon supplier sees the need but not its shortlist
    assert client.get(reverse("needs:detail", args=[need.pk])).status_code == 200
    assert client.get(url).status_code == 403


def test_filters_are_hard(client, hubs, demander, demander_company, django_capture_on_commit_callbacks):
    vision, cloud, need = setup_market(hubs, demander_company, django_capture_on_commit_callbacks)
    client.force_login(demander)
    url = reverse("matches:need", args=[need.pk])
    rows = client.get(url, {"hub": hubs["busan-centum"].pk}).context["rows"]
    assert {r["company"].pk for r in rows} <= {cloud.pk}
    rows = client.get(url, {"capability": "cloud-migration"}).context["rows"]
    assert vision.pk not in {r["company"].pk for r in rows}
    rows = client.get(url, {"radius_km": 30}).context["rows"]
    assert cloud.pk not in {r["company"].pk for r in rows}  # Haeundae lies ~45 km from Seongsan-gu
    assert vision.pk in {r["company"].pk for r in rows}


def test_operator_compares_engine_and_keyword_lists(
    client, hubs, operator, demander_company, django_capture_on_commit_callbacks
):
    vision, _cloud, need = setup_market(hubs, demander_company, django_capture_on_commit_callbacks)
    client.force_login(operator)
    response = client.get(reverse("matches:need", args=[need.pk]), {"compare": "1"})
    assert response.context["keyword_rows"] is not None
    assert vision in [c for c, _shared in response.context["keyword_rows"]]


def test_api_matches_and_recommendations(
    client, hubs, demander, demander_company, supplier, django_capture_on_commit_callbacks
):
    vision, _cloud, need = setup_market(hubs, demander_company, django_capture_on_commit_callbacks)
    _t, raw = ApiToken.issue(demander)
    headers = {"Authorization": f"Bearer {raw}"}
    body = client.get(f"/api/needs/{need.pk}/matches", headers=headers).json()
    assert body[0]["id"] == vision.pk and body[0]["reasons"]
    assert client.get(f"/api/needs/{need.pk}/matches?capability=nope", headers=headers).status_code == 400
    _t, raw2 = ApiToken.issue(supplier)
    assert (
        client.get(f"/api/needs/{need.pk}/matches", headers={"Authorization": f"Bearer {raw2}"}).status_code
        == 403
    )
    with django_capture_on_commit_callbacks(execute=True):
        company_update(vision, description="용접 비드 머신비전 외관 검사")
    owner = supplier  # a member of the persona supplier company, not of `vision`
    _t, raw3 = ApiToken.issue(owner)
    response = client.get(
        f"/api/companies/{vision.pk}/recommendations", headers={"Authorization": f"Bearer {raw3}"}
    )
    assert response.status_code == 403
    json.dumps(body)  # the explanation is plain JSON
