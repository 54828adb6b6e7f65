"""Operators add hubs and edit their own; the taxonomy is data that operators edit."""

from __future__ import annotations

from django.urls import reverse

from dxhub.hubs.models import Hub
from dxhub.reference.models import Capability


def test_operator_adds_a_hub_linked_to_changwon(client, operator, hubs):
    client.force_login(operator)
    response = client.post(
        reverse("hubs:create"),
        {
            "name": "경북 구미",
            "name_en": "Gyeongbuk Gumi",
            "slug": "gumi",
            "region": "47190",
            "specialisations": "전자\n디스플레이",
            "linked_hubs": [hubs["changwon"].pk],
            "budget_won": "6300000000",
            "shared_office_rooms": "30",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    gumi = Hub.objects.get(slug="gumi")
    assert hubs["changwon"] in gumi.linked_hubs.all()
    assert gumi in hubs["changwon"].linked_hubs.all()  # links go both ways


def test_changwon_and_busan_are_linked(hubs):
    assert hubs["busan-centum"] in hubs["changwon"].linked_hubs.all()


def test_operator_edits_the_taxonomy_members_cannot(client, operator, supplier):
    client.force_login(supplier)
    data = {
        "slug": "ai-agent",
        "name_ko": "AI 에이전트",
        "name_en": "AI agents",
        "keywords": "에이전트",
        "active": "on",
    }
    assert client.post(reverse("hubs:capabilities"), data).status_code == 403
    client.force_login(operator)
    assert client.post(reverse("hubs:capabilities"), data).status_code == 302
    capability = Capability.objects.get(slug="ai-agent")
    response = client.post(
        reverse("hubs:capability_edit", args=[capability.pk]), {**data, "name_ko": "AI 에이전트 자동화"}
    )
    assert response.status_code == 302
    capability.refresh_from_db()
    assert capability.name_ko == "AI 에이전트 자동화"
