"""The four digital innovation hubs the ministry funds, as reference data."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from dxhub.hubs.models import Hub

HUBS: list[dict[str, Any]] = [
    {
        "slug": "ochang",
        "name": "충북 오창",
        "name_en": "Chungbuk Ochang",
        "region": "43710",
        "specialisations": "AI 반도체\n클라우드\n이차전지 제조 DX\n4세대 방사광가속기(2027~) 연계",
        "industries": ["26", "28", "20"],
        "rooms": 40,
        "description": "반도체·이차전지 제조기업 수요를 AI 반도체·클라우드 기업과 연결하는 충북 거점.",
    },
    {
        "slug": "changwon",
        "name": "경남 창원",
        "name_en": "Gyeongnam Changwon",
        "region": "48123",
        "specialisations": "AI\n메타버스\n창원국가산업단지 제조 DX\n항공(진주·사천)·의료기기(김해) 연계",
        "industries": ["29", "30", "31", "27", "25"],
        "rooms": 56,
        "description": "50년 된 창원국가산업단지의 기계·부품 제조기업에 AI·메타버스 공급기업을 연결하는 경남 거점.",
    },
    {
        "slug": "busan-centum",
        "name": "부산 센텀시티",
        "name_en": "Busan Centum City",
        "region": "26350",
        "specialisations": "SW·AI 기업 집적\n해양·물류 DX\n콘텐츠",
        "industries": ["30", "31", "52"],
        "rooms": 60,
        "description": "부산 센텀시티의 SW·AI 기업 집적지. 창원 거점과 연계.",
    },
    {
        "slug": "daegu-suseong",
        "name": "대구 수성알파시티",
        "name_en": "Daegu Suseong Alpha City",
        "region": "27260",
        "specialisations": "AI·SW 기업 집적\n모빌리티 부품\n의료 AI",
        "industries": ["30", "29", "27"],
        "rooms": 50,
        "description": "대구 수성알파시티의 AI·SW 기업 집적지. 자동차 부품·의료 분야와 연계.",
    },
]
LINKS = [("changwon", "busan-centum")]


@transaction.atomic
def load_hubs() -> int:
    for spec in HUBS:
        hub, created = Hub.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "name_en": spec["name_en"],
                "region_id": spec["region"],
                "specialisations": spec["specialisations"],
                "description": spec["description"],
                "shared_office_rooms": spec["rooms"],
            },
        )
        if created:
            hub.industries.set(spec["industries"])
    for a, b in LINKS:
        Hub.objects.get(slug=a).linked_hubs.add(Hub.objects.get(slug=b))
    return len(HUBS)


def load_all() -> dict[str, int]:
    """Reference data and the hubs on top of it (`manage.py load_reference`, the demo, the tests)."""
    from dxhub.reference import loader

    return {**loader.load_all(), "hubs": load_hubs()}
