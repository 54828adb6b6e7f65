"""Demo story: a relocation briefing and a 1:1 matchmaking day at the Changwon hub, with registrations,
leads, meeting requests and a schedule made by the engine."""

from __future__ import annotations

import random
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from dxhub.accounts.models import User
from dxhub.companies.models import Company
from dxhub.events import services
from dxhub.events import services_matchmaking as mm
from dxhub.events.models import Event, MeetingRequest, Registration
from dxhub.hubs.models import Hub

BRIEFING = "2027 창원 디지털 혁신거점 입주기업 설명회"
MATCHMAKING = "창원 제조 DX 1:1 매칭데이"


def _person(company: Company) -> User:
    user = User.objects.filter(company=company).order_by("pk").first()
    if user is None:
        user = User.objects.create(
            email=f"event{company.pk}@demo.dxhub.kr", name=f"{company.name} 담당자", company=company,
            is_company_owner=True, password=make_password(None),
        )  # fmt: skip
    return user


@transaction.atomic
def load(seed: int) -> str:
    if Event.objects.filter(title=BRIEFING).exists():
        return "  events                   0 created  (already there)"
    hub = Hub.objects.get(slug="changwon")
    operator = User.objects.filter(role=User.Role.OPERATOR, hub=hub).order_by("pk").first()
    if operator is None:
        return "  events                   0 created  (no Changwon operator)"
    rng = random.Random(seed * 7_919 + 6)
    suppliers = list(Company.objects.filter(hub=hub, kind=Company.Kind.SUPPLIER).order_by("pk")[:12])
    demanders = list(Company.objects.filter(hub=hub, kind=Company.Kind.DEMANDER).order_by("pk")[:12])
    if len(suppliers) < 4 or len(demanders) < 4:
        return "  events                   0 created  (too few Changwon companies)"
    named = {u.email: u for u in User.objects.filter(email__in=["supplier@dxhub.kr", "demander@dxhub.kr"])}
    day = timezone.localtime().replace(hour=14, minute=0, second=0, microsecond=0) + timedelta(days=14)

    briefing = services.event_create(
        user=operator,
        hub=hub,
        questions=["참석 목적*", "입주를 검토 중인 공간 규모"],
        title=BRIEFING,
        kind=Event.Kind.BRIEFING,
        format=Event.Format.HYBRID,
        description="입주 혜택, 공용 장비, 지원사업 일정을 안내하고 개별 상담을 진행합니다.",
        venue="창원 스마트혁신센터 3층 대회의실",
        online_url="https://meet.example.kr/changwon-briefing",
        starts_at=day,
        ends_at=day + timedelta(hours=2),
        capacity=20,
    )
    briefing = services.event_set_status(briefing, user=operator, status=Event.Status.OPEN)
    purpose = str(briefing.questions.order_by("order").values_list("pk", flat=True)[0])
    spaces = [v for v in Registration.Space.values if v]
    timings = [v for v in Registration.Timing.values if v]
    for company in [*suppliers[:8], *demanders[:6]]:
        interested = rng.random() < 0.6
        services.register(
            event=briefing,
            user=_person(company),
            answers={purpose: rng.choice(["입주 검토", "지원사업 정보", "장비 활용 상담"])},
            space_interest=rng.choice(spaces) if interested else "",
            move_timing=rng.choice(timings) if interested else "",
            lead_note="연구 인력 5~10명 규모 사무실 희망" if interested else "",
        )

    start = day + timedelta(days=7, hours=-1)
    matchmaking = services.event_create(
        user=operator,
        hub=hub,
        partner_hubs=Hub.objects.filter(slug="busan-centum"),
        title=MATCHMAKING,
        kind=Event.Kind.MATCHMAKING,
        description="제조기업의 DX 수요와 SW·AI 공급기업을 20분 1:1 미팅으로 연결합니다.",
        venue="창원컨벤션센터 2층 그랜드홀",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        capacity=40,
        tables=6,
        slot_minutes=20,
        slot_count=8,
    )
    matchmaking = services.event_set_status(matchmaking, user=operator, status=Event.Status.OPEN)
    sellers = [named.get("supplier@dxhub.kr") or _person(suppliers[0])] + [_person(c) for c in suppliers[1:]]
    buyers = [named.get("demander@dxhub.kr") or _person(demanders[0])] + [_person(c) for c in demanders[1:]]
    slots = list(matchmaking.slots.all())
    for person in [*sellers, *buyers]:
        services.register(event=matchmaking, user=person)
        free = rng.sample(slots, rng.randint(5, len(slots)))
        mm.set_availability(matchmaking, user=person, slot_ids=[s.pk for s in free])
    pairs = {(0, 0)} | {(rng.randrange(len(sellers)), rng.randrange(len(buyers))) for _ in range(40)}
    for s, b in sorted(pairs):
        seller, buyer = sellers[s], buyers[b]
        if seller.company_id == buyer.company_id:
            continue
        recipient = Registration.objects.get(event=matchmaking, user=buyer)
        priority = MeetingRequest.Priority.MUST if (s, b) == (0, 0) or rng.random() < 0.3 else 1
        row = mm.request_meeting(
            event=matchmaking,
            user=seller,
            recipient=recipient,
            message="귀사 공정 데이터로 불량 검출 사례를 소개드리고 싶습니다.",
            priority=priority,
        )
        if (s, b) == (0, 0) or rng.random() < 0.8:
            mm.respond(row, user=buyer, accept=True)
    run = mm.run_schedule(matchmaking, user=operator, time_limit=2.0)
    regs = Registration.objects.filter(event__in=[briefing, matchmaking]).count()
    return f"  events                   2 created  ({regs} registrations, {run.meetings} meetings scheduled)"
