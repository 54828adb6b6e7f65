"""The demo's collaboration history: journeys at every stage among the generated companies.

Written straight to the tables with back-dated timestamps (a history, not live actions: no
notifications, no emails). The demo personas demander@dxhub.kr and supplier@dxhub.kr get journeys of
their own to click through. A second run adds nothing: pairs that already have a collaboration are skipped.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from dxhub.accounts.models import User
from dxhub.collab.models import (
    Collaboration,
    JourneyEvent,
    Meeting,
    Message,
    Outcome,
    ProjectAgreement,
    ProjectMilestone,
    ProposalVersion,
)
from dxhub.companies.models import Company, ContactConsent
from dxhub.needs.models import Need

Stage = Collaboration.Stage
Kind = JourneyEvent.Kind
JOURNEYS = 60
# Where generated journeys stand, roughly as a hub's pipeline looks after a year.
STAGE_WEIGHTS = {
    Stage.INTEREST: 16,
    Stage.DECLINED: 10,
    Stage.MUTUAL: 12,
    Stage.MEETING: 12,
    Stage.PROPOSAL: 10,
    Stage.AGREEMENT: 5,
    Stage.PROJECT: 10,
    Stage.COMPLETED: 5,
    Stage.VERIFIED: 12,
    Stage.WITHDRAWN: 8,
}
# Events each stage has passed through, in order (the labels the matching weights learn from).
PATH = [
    (Stage.MUTUAL, Kind.MUTUAL),
    (Stage.MEETING, Kind.MEETING_HELD),
    (Stage.PROPOSAL, Kind.PROPOSAL),
    (Stage.AGREEMENT, Kind.AGREEMENT),
    (Stage.PROJECT, Kind.PROJECT),
    (Stage.COMPLETED, Kind.COMPLETED),
    (Stage.VERIFIED, Kind.VERIFIED),
]
ORDER: list[str] = [s for s, _k in PATH]
PERSONA_STAGES = [Stage.MEETING, Stage.INTEREST, Stage.PROPOSAL, Stage.VERIFIED, Stage.PROJECT, Stage.MUTUAL]
MESSAGES = [
    "안녕하세요. 현장 데이터 샘플을 먼저 받아볼 수 있을까요?",
    "네, 다음 주 중으로 공정 사진과 불량 이력을 보내드리겠습니다.",
    "보내주신 자료 검토했습니다. 현장 방문 일정을 잡으면 좋겠습니다.",
]
ACHIEVED = ["목표 대비 112% 달성", "불량률 38% 감소", "검사 시간 45% 단축", "설비 가동률 9%p 향상"]


def _persona(email: str) -> Company | None:
    user = User.objects.filter(email=email, company__isnull=False).select_related("company").first()
    return user.company if user is not None else None


def _pairs(
    rng: random.Random, demander: Company | None, supplier: Company | None
) -> list[tuple[Need, Company, str]]:
    """Need × supplier pairs with a target stage: the personas' first, then a seeded sample."""
    open_needs = list(
        Need.objects.open()
        .select_related("company", "hub")
        .prefetch_related("required_capabilities")
        .order_by("pk")
    )
    suppliers = list(
        Company.objects.filter(kind__in=[Company.Kind.SUPPLIER, Company.Kind.BOTH])
        .prefetch_related("capabilities")
        .order_by("pk")
    )
    if not open_needs or not suppliers:
        return []
    by_hub: dict[int | None, list[Company]] = {}
    for s in suppliers:
        by_hub.setdefault(s.hub_id, []).append(s)
    pairs: list[tuple[Need, Company, str]] = []
    stages = iter(PERSONA_STAGES)
    if demander is not None:
        mine = [n for n in open_needs if n.company_id == demander.pk]
        for need in mine[:1]:
            if supplier is not None and supplier.pk != need.company_id:
                pairs.append((need, supplier, next(stages)))
            pool = by_hub.get(need.hub_id) or suppliers
            for other in rng.sample(pool, k=min(2, len(pool))):
                if other.pk != need.company_id:
                    pairs.append((need, other, next(stages, Stage.INTEREST)))
    if supplier is not None:
        near = [n for n in open_needs if n.hub_id == supplier.hub_id and n.company_id != supplier.pk]
        for need in rng.sample(near, k=min(3, len(near))):
            pairs.append((need, supplier, next(stages, Stage.MUTUAL)))
    stage_names, weights = list(STAGE_WEIGHTS), list(STAGE_WEIGHTS.values())
    for need in rng.sample(open_needs, k=min(JOURNEYS, len(open_needs))):
        pool = [s for s in by_hub.get(need.hub_id) or suppliers if s.pk != need.company_id]
        if not pool:
            continue
        # People engage where the supplier has what the need asks for, and get further when it fits.
        fits = [overlap(need, s) for s in pool]
        i = rng.choices(range(len(pool)), [0.2 + 3 * f for f in fits])[0]
        stage = rng.choices(stage_names, weights)[0]
        if fits[i] < 0.34 and stage in ORDER[1:]:
            stage = rng.choice([Stage.DECLINED, Stage.INTEREST, Stage.WITHDRAWN, stage])
        pairs.append((need, pool[i], stage))
    return pairs


def overlap(need: Need, supplier: Company) -> float:
    """Share of the need's required capabilities the supplier has (0 when the need names none)."""
    wanted = {c.pk for c in need.required_capabilities.all()}
    return len(wanted & {c.pk for c in supplier.capabilities.all()}) / len(wanted) if wanted else 0.0


def _people(company_id: int) -> User | None:
    return User.objects.filter(company_id=company_id, is_active=True).order_by("pk").first()


def _journey(rng: random.Random, need: Need, supplier: Company, stage: str, now: Any) -> Collaboration | None:
    if Collaboration.objects.filter(need=need, supplier=supplier).exists():
        return None
    start = now - timedelta(days=rng.randint(20, 200))
    side = rng.choice(["demander", "supplier"])
    reached = (
        stage
        if stage in ORDER
        else (rng.choice([Stage.INTEREST, *ORDER[:4]]) if stage == Stage.WITHDRAWN else Stage.INTEREST)
    )
    steps = ORDER[: ORDER.index(reached) + 1] if reached in ORDER else []
    t = start
    c = Collaboration.objects.create(
        need=need,
        supplier=supplier,
        stage=stage,
        initiated_by=side,
        interest_message="귀사의 수요에 관심이 있어 연락드립니다."
        if side == "supplier"
        else "함께 과제를 검토하고 싶습니다.",
        created_by=_people(need.company_id if side == "demander" else supplier.pk),
    )
    events = [(Kind.INTEREST, side, "", t)]
    stamps: dict[str, Any] = {f"{side}_interested_at": t}
    if stage == Stage.DECLINED:
        t += timedelta(days=rng.randint(1, 6))
        reason = rng.choice(Collaboration.DeclineReason.values)
        other = "supplier" if side == "demander" else "demander"
        events.append((Kind.DECLINED, other, reason, t))
        stamps.update(decline_reason=reason, decline_note="이번에는 어렵습니다.")
    for step, kind in zip(ORDER, [k for _s, k in PATH], strict=True):
        if step not in steps:
            break
        t += timedelta(days=rng.randint(2, 14))
        events.append(
            (kind, "operator" if kind == Kind.VERIFIED else rng.choice(["demander", "supplier"]), "", t)
        )
        if step == Stage.MUTUAL:
            stamps.update(mutual_at=t, demander_interested_at=stamps.get("demander_interested_at", t))
            stamps.setdefault("supplier_interested_at", t)
            _mutual(c, t)
        elif step == Stage.MEETING:
            _meeting(rng, c, t)
        elif step == Stage.PROPOSAL:
            _proposal(rng, c, t)
        elif step == Stage.PROJECT:
            _project(c, t)
        elif step == Stage.COMPLETED:
            _outcome(rng, c, need, t, verified=Stage.VERIFIED in steps)
    if stage == Stage.WITHDRAWN:
        t += timedelta(days=rng.randint(3, 20))
        reason = rng.choice(Collaboration.WithdrawReason.values)
        events.append((Kind.WITHDRAWN, side, reason, t))
        stamps.update(withdraw_reason=reason, withdrawn_by=side, withdrawn_from=reached)
    Collaboration.objects.filter(pk=c.pk).update(stage_changed_at=t, created_at=start, updated_at=t, **stamps)
    made = JourneyEvent.objects.bulk_create(
        JourneyEvent(need=need, supplier=supplier, collaboration=c, kind=k, side=s, reason=r)
        for k, s, r, _t in events
    )
    for event, (_k, _s, _r, when) in zip(made, events, strict=True):
        JourneyEvent.objects.filter(pk=event.pk).update(created_at=when)
    return c


def _mutual(c: Collaboration, t: Any) -> None:
    for a, b in ((c.need.company_id, c.supplier_id), (c.supplier_id, c.need.company_id)):
        ContactConsent.objects.get_or_create(company_id=a, with_company_id=b)
    for i, text in enumerate(MESSAGES):
        m = Message.objects.create(collaboration=c, side="supplier" if i % 2 == 0 else "demander", text=text)
        Message.objects.filter(pk=m.pk).update(created_at=t + timedelta(hours=3 * i + 1))


def _meeting(rng: random.Random, c: Collaboration, t: Any) -> None:
    Meeting.objects.create(
        collaboration=c,
        proposed_by="demander",
        status=Meeting.Status.HELD,
        mode=rng.choice(Meeting.Mode.values),
        location=f"{c.need.company.name} 본사 회의실" if rng.random() < 0.5 else "https://meet.dxhub.kr/demo",
        options=[t.isoformat()],
        starts_at=t,
        notes="현장 공정과 데이터 수집 방식을 확인했습니다.",
        next_steps="2주 안에 제안서 초안을 공유합니다.",
    )


def _proposal(rng: random.Random, c: Collaboration, t: Any) -> None:
    budget = c.need.budget_max or 100_000_000
    ProposalVersion.objects.create(
        collaboration=c,
        number=1,
        scope=f"{c.need.title} 해결을 위한 PoC 및 현장 적용",
        deliverables="분석 보고서, 현장 적용 SW, 운영 매뉴얼",
        schedule="1개월 PoC, 2개월 현장 적용, 1개월 안정화",
        duration_months=4,
        price=int(budget * rng.uniform(0.7, 1.0)) // 100_000 * 100_000,
    )


def _project(c: Collaboration, t: Any) -> None:
    proposal = c.proposals.order_by("-number").first()
    if proposal is None:
        return
    ProposalVersion.objects.filter(pk=proposal.pk).update(status=ProposalVersion.Status.ACCEPTED)
    ProjectAgreement.objects.create(
        collaboration=c,
        proposal=proposal,
        price=proposal.price,
        demander_confirmed_at=t,
        supplier_confirmed_at=t,
    )
    for i, title in enumerate(["현장 데이터 수집", "PoC 결과 보고", "현장 적용"]):
        ProjectMilestone.objects.create(
            collaboration=c,
            title=title,
            due=(t + timedelta(days=30 * (i + 1))).date(),
            done_at=t if i == 0 else None,
        )


def _outcome(rng: random.Random, c: Collaboration, need: Need, t: Any, *, verified: bool) -> None:
    ProjectMilestone.objects.filter(collaboration=c).update(done_at=t)
    operator = User.objects.filter(role=User.Role.OPERATOR, hub_id=need.hub_id).first()
    Outcome.objects.create(
        collaboration=c,
        target_kpi=need.target_kpi,
        achieved_kpi=rng.choice(ACHIEVED),
        summary="계획한 범위를 일정 안에 마쳤습니다.",
        demander_rating=rng.choice([3, 4, 4, 5, 5]),
        demander_review="현장 이해도가 높았습니다.",
        supplier_rating=rng.choice([4, 5]),
        supplier_review="데이터 제공이 원활했습니다.",
        verified_by=operator if verified else None,
        verified_at=t if verified else None,
    )


def _feedback(pairs: list[tuple[Need, Company, str]]) -> int:
    """Views and dismissals on pairs that never became a collaboration."""
    made = 0
    for need, supplier, _stage in pairs:
        others = list(
            Company.objects.filter(hub_id=need.hub_id, kind=Company.Kind.SUPPLIER)
            .exclude(pk=supplier.pk)
            .prefetch_related("capabilities")
            .order_by("pk")
        )
        # A demander looks at a few of the hub's suppliers and dismisses mostly those that lack what
        # the need asks for. Seeded by the pair, so a second run looks at the same ones and finds them done.
        local = random.Random(f"{need.pk}:{supplier.pk}")
        for other in local.sample(others, k=min(3, len(others))):
            if JourneyEvent.objects.filter(need=need, supplier=other, collaboration__isnull=True).exists():
                continue
            JourneyEvent.objects.create(need=need, supplier=other, kind=Kind.VIEWED, side="demander")
            made += 1
            if local.random() < 0.7 - 0.6 * overlap(need, other):
                JourneyEvent.objects.create(
                    need=need,
                    supplier=other,
                    kind=Kind.DISMISSED,
                    side="demander",
                    reason=local.choice(Collaboration.DeclineReason.values),
                )
                made += 1
    return made


@transaction.atomic
def load(seed: int) -> str:
    rng = random.Random(seed * 7919 + 4)
    pairs = _pairs(rng, _persona("demander@dxhub.kr"), _persona("supplier@dxhub.kr"))
    now = timezone.now()
    created = [c for need, supplier, stage in pairs if (c := _journey(rng, need, supplier, stage, now))]
    events = _feedback(pairs)
    return f"  collaborations {len(created):>9,} created  ({events} view/dismiss events)"
