"""The journey's state machine: every step in order, no skipping, repeated clicks change nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dxhub.collab import services, services_meetings, services_project
from dxhub.collab.models import Collaboration, JourneyEvent, Meeting, ProjectAgreement, ProposalVersion
from dxhub.collab.selectors import track_records
from dxhub.companies.access import mutual_consent
from dxhub.needs.models import Need

Stage = Collaboration.Stage


def test_full_journey_reaches_a_verified_outcome(journey, need, supplier_company):
    c = journey("verified")
    assert c.stage == Stage.VERIFIED
    assert c.outcome.target_kpi == "불량 검출률 95% 이상" and c.outcome.achieved_kpi == "불량 검출률 97%"
    kinds = list(c.events.values_list("kind", flat=True))
    for kind in [
        "interest",
        "mutual",
        "meeting_held",
        "proposal",
        "agreement",
        "project",
        "completed",
        "verified",
    ]:
        assert kind in kinds
    need.refresh_from_db()
    assert need.status == Need.Status.IN_DISCUSSION
    record = track_records([supplier_company.pk])[supplier_company.pk]
    assert record.completed_projects == 1 and record.rating == 5.0 and record.open_engagements == 0


def test_mutual_interest_grants_contact_consent_both_ways(journey, demander_company, supplier_company):
    c = journey("interest")
    assert not mutual_consent(demander_company.pk, supplier_company.pk)
    services.accept(c, user=c.need.company.members.first())
    assert mutual_consent(demander_company.pk, supplier_company.pk)


def test_interest_from_both_sides_is_mutual(need, demander, supplier):
    services.express_interest(user=demander, need=need, supplier=supplier.company, message="함께해요")
    c = services.express_interest(user=supplier, need=need, supplier=supplier.company)
    assert c.stage == Stage.MUTUAL
    assert Collaboration.objects.count() == 1


def test_double_click_on_interest_creates_one_record_and_one_event(need, supplier):
    for _ in range(3):
        services.express_interest(user=supplier, need=need, supplier=supplier.company, message="관심")
    assert Collaboration.objects.count() == 1
    assert JourneyEvent.objects.filter(kind="interest").count() == 1


def test_decline_keeps_the_reason_and_ends_the_journey(journey, demander):
    c = journey("interest")
    services.decline(c, user=demander, reason="budget", note="예산 초과")
    c.refresh_from_db()
    assert (c.stage, c.decline_reason, c.decline_note) == (Stage.DECLINED, "budget", "예산 초과")
    assert JourneyEvent.objects.get(kind="declined").reason == "budget"
    with pytest.raises(ValidationError):
        services.accept(c, user=demander)


def test_the_interested_side_cannot_accept_or_decline_its_own_interest(journey, supplier):
    c = journey("interest")
    services.accept(c, user=supplier)  # its own interest: nothing new
    c.refresh_from_db()
    assert c.stage == Stage.INTEREST
    with pytest.raises(ValidationError):
        services.decline(c, user=supplier, reason="other")


def test_no_meeting_before_mutual_interest(journey, supplier):
    c = journey("interest")
    with pytest.raises(ValidationError):
        services_meetings.meeting_propose(
            c,
            user=supplier,
            mode="online",
            location="https://meet.example.kr/x",
            options=[timezone.now() + timedelta(days=1)],
        )


def test_no_proposal_before_a_meeting_took_place(journey, supplier):
    c = journey("meeting")  # accepted but not held
    with pytest.raises(ValidationError, match="미팅"):
        services_project.proposal_submit(
            c, user=supplier, scope="a", deliverables="b", schedule="c", duration_months=2, price=1
        )


def test_no_agreement_without_an_accepted_proposal(journey, demander):
    c = journey("proposal")
    with pytest.raises(ValidationError):
        services_project.agreement_confirm(c, user=demander)
    assert not ProjectAgreement.objects.exists()


def test_only_the_demander_accepts_a_proposal(journey, supplier):
    c = journey("proposal")
    with pytest.raises(PermissionDenied):
        services_project.proposal_accept(c.proposals.get(), user=supplier)


def test_changes_requested_then_a_new_version(journey, demander, supplier):
    c = journey("proposal")
    v1 = c.proposals.get()
    services_project.proposal_request_changes(v1, user=demander, note="일정 단축 요청")
    with pytest.raises(ValidationError):
        services_project.proposal_accept(ProposalVersion.objects.get(pk=v1.pk), user=demander)
    v2 = services_project.proposal_submit(
        c,
        user=supplier,
        scope="비전 검사",
        deliverables="검사 SW",
        schedule="2개월",
        duration_months=2,
        price=75_000_000,
    )
    assert v2.number == 2
    agreement = services_project.proposal_accept(v2, user=demander)
    assert agreement.price == 75_000_000


def test_project_starts_only_when_both_confirm(journey, demander):
    c = journey("agreement")
    services_project.agreement_confirm(c, user=demander)
    services_project.agreement_confirm(c, user=demander)
    c.refresh_from_db()
    assert c.stage == Stage.AGREEMENT


def test_verification_needs_both_ratings_and_an_operator(
    journey, demander, supplier, operator, busan_operator, ministry
):
    c = journey("completed")
    with pytest.raises(ValidationError):
        services_project.outcome_verify(c, user=operator)
    services_project.outcome_rate(c, user=demander, rating=4)
    services_project.outcome_rate(c, user=supplier, rating=5)
    for outsider in (demander, busan_operator, ministry):
        with pytest.raises(PermissionDenied):
            services_project.outcome_verify(c, user=outsider)
    services_project.outcome_verify(c, user=operator)
    services_project.outcome_verify(c, user=operator)  # second click
    assert JourneyEvent.objects.filter(kind="verified").count() == 1


def test_rating_out_of_range_is_refused(journey, demander):
    c = journey("completed")
    with pytest.raises(ValidationError):
        services_project.outcome_rate(c, user=demander, rating=6)


@pytest.mark.parametrize("stage", ["interest", "mutual", "held", "proposal", "agreement", "project"])
def test_withdraw_from_any_open_stage(journey, supplier, stage):
    c = journey(stage)
    services.withdraw(c, user=supplier, reason="priorities", note="사업 방향 변경")
    c.refresh_from_db()
    assert c.stage == Stage.WITHDRAWN and c.withdrawn_by == "supplier" and c.withdraw_reason == "priorities"
    assert c.withdrawn_from == Collaboration.objects.get(pk=c.pk).withdrawn_from != ""


def test_no_withdrawal_after_completion(journey, supplier):
    c = journey("completed")
    with pytest.raises(ValidationError):
        services.withdraw(c, user=supplier, reason="other")


def test_meeting_times_must_be_in_the_future_and_links_valid(journey, supplier):
    c = journey("mutual")
    with pytest.raises(ValidationError):
        services_meetings.meeting_propose(
            c, user=supplier, mode="onsite", location="창원", options=[timezone.now() - timedelta(hours=1)]
        )
    with pytest.raises(ValidationError):
        services_meetings.meeting_propose(
            c,
            user=supplier,
            mode="online",
            location="not a link",
            options=[timezone.now() + timedelta(days=1)],
        )


def test_meeting_reschedule_cancel_and_ics(journey, demander, supplier):
    c = journey("meeting")
    m = c.meetings.get()
    later = timezone.now() + timedelta(days=5)
    m = services_meetings.meeting_reschedule(m, user=supplier, options=[later])
    assert m.status == Meeting.Status.PROPOSED and m.proposed_by == "supplier"
    with pytest.raises(ValidationError):
        services_meetings.meeting_accept(m, user=supplier, option=m.options[0])  # one's own proposal
    m = services_meetings.meeting_accept(m, user=demander, option=m.options[0])
    ics = services_meetings.meeting_ics(m).decode()
    assert "BEGIN:VEVENT" in ics and f"meeting-{m.pk}@dxhub" in ics and "SEQUENCE:" in ics
    m = services_meetings.meeting_cancel(m, user=demander, reason="일정 충돌")
    assert "STATUS:CANCELLED" in services_meetings.meeting_ics(m).decode()


def test_transitions_are_audited(journey):
    c = journey("agreement")
    entries = LogEntry.objects.get_for_object(c)
    stages = [e.changes.get("stage") for e in entries if e.changes and "stage" in e.changes]
    assert len(stages) >= 4


def test_dismiss_and_view_are_labelled_events(need, supplier, demander):
    services.match_viewed(user=demander, need=need, supplier=supplier.company)
    services.match_viewed(user=demander, need=need, supplier=supplier.company)
    services.match_dismiss(user=demander, need=need, supplier=supplier.company, reason="distance")
    assert JourneyEvent.objects.filter(kind="viewed").count() == 1
    assert JourneyEvent.objects.get(kind="dismissed").reason == "distance"
