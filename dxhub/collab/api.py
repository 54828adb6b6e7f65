"""REST endpoints for the collaboration journey: the same access helper, transitions and rules as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from ninja import P, QueryEx, Router, Status

from dxhub.collab import selectors, services, services_meetings, services_project
from dxhub.collab.access import get_collaboration_for_user, side_of
from dxhub.collab.actions import meeting_in, milestone_in, proposal_in
from dxhub.collab.models import Collaboration
from dxhub.collab.schemas import (
    STAGES,
    CollabCompleteIn,
    CollabDeclineIn,
    CollabMeetingIn,
    CollabMessageOut,
    CollabMilestoneIn,
    CollaborationDetailOut,
    CollaborationOut,
    CollabProposalIn,
    CollabRateIn,
    CollabStartIn,
    CollabTextIn,
    CollabVerifyIn,
    CollabWithdrawIn,
    MeetingCancelIn,
    MeetingNotesIn,
    MeetingOptionIn,
    MeetingOptionsIn,
    PipelineBoardOut,
    ProposalNoteIn,
)
from dxhub.collab.serializers import detail, summary
from dxhub.companies.access import get_company_for_user
from dxhub.core.api_schemas import ERRORS, PageOut, page_of
from dxhub.hubs.models import Hub
from dxhub.needs.access import get_need_for_user

router = Router(tags=["collaborations"])


def _detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    c = get_collaboration_for_user(request.user, pk)
    return detail(request.user, c)


def _act(request: HttpRequest, pk: int) -> Collaboration:
    return get_collaboration_for_user(request.user, pk, write=True)


@router.get("", response={200: PageOut[CollaborationOut], **ERRORS}, summary="Collaborations visible to you")
def list_collaborations(
    request: HttpRequest,
    page: QueryEx[int, P(ge=1)] = 1,
    stage: QueryEx[str, P(description="one of: " + ", ".join(STAGES))] = "",
) -> Any:
    if stage and stage not in STAGES:
        raise ValidationError({"stage": [f"unknown stage; one of: {', '.join(STAGES)}"]})
    return page_of(selectors.collaboration_list(request.user, stage=stage or ""), page, summary)


@router.post(
    "",
    response={201: CollaborationDetailOut, **ERRORS},
    summary="Express interest (or, for operators, introduce)",
)
def start(request: HttpRequest, body: CollabStartIn) -> Any:
    user: Any = request.user
    need = get_need_for_user(user, body.need_id)
    supplier = get_company_for_user(user, body.supplier_id)
    if user.is_operator:
        c = services.broker(user=user, need=need, supplier=supplier, message=body.message)
    else:
        c = services.express_interest(user=user, need=need, supplier=supplier, message=body.message)
    return Status(201, detail(user, get_collaboration_for_user(user, c.pk)))


@router.get(
    "/board",
    response={200: PipelineBoardOut, **ERRORS},
    summary="Pipeline board (operators: own hub; ministry: any)",
)
def board(
    request: HttpRequest,
    hub: QueryEx[str, P(description="hub slug (ministry staff); empty for all hubs")] = "",
    days: QueryEx[int, P(ge=1, le=365)] = selectors.STUCK_AFTER_DAYS,
) -> Any:
    user: Any = request.user
    if user.is_operator:
        scope: Hub | None = user.hub
    elif user.is_ministry:
        scope = Hub.objects.filter(slug=hub).first() if hub else None
        if hub and scope is None:
            raise Http404("hub not found")
    else:
        raise PermissionDenied("the pipeline board is for hub operators and ministry staff")
    data = selectors.pipeline_board(user, hub=scope, threshold_days=days)
    return {
        "hub": scope.slug if scope else None,
        "counts": data.counts,
        "stuck": [summary(c) for c in data.stuck],
        "funnel": dict(data.funnel),
        "threshold_days": data.threshold_days,
    }


@router.get(
    "/{collaboration_id}", response={200: CollaborationDetailOut, **ERRORS}, summary="One collaboration"
)
def get_collaboration(request: HttpRequest, collaboration_id: int) -> Any:
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/accept",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Accept the interest",
)
def accept(request: HttpRequest, collaboration_id: int) -> Any:
    services.accept(_act(request, collaboration_id), user=request.user)
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/decline",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Decline with a reason",
)
def decline(request: HttpRequest, collaboration_id: int, body: CollabDeclineIn) -> Any:
    services.decline(_act(request, collaboration_id), user=request.user, reason=body.reason, note=body.note)
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/withdraw",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Withdraw with a reason",
)
def withdraw(request: HttpRequest, collaboration_id: int, body: CollabWithdrawIn) -> Any:
    services.withdraw(_act(request, collaboration_id), user=request.user, reason=body.reason, note=body.note)
    return _detail(request, collaboration_id)


@router.get(
    "/{collaboration_id}/messages",
    response={200: list[CollabMessageOut], **ERRORS},
    summary="The conversation",
)
def messages(request: HttpRequest, collaboration_id: int) -> Any:
    c = get_collaboration_for_user(request.user, collaboration_id)
    if side_of(request.user, c) is not None:
        services.mark_read(c, user=request.user)
    return [
        {
            "id": m.pk,
            "side": m.side,
            "author": str(m.author or ""),
            "text": m.text,
            "attachment": m.attachment_name,
            "created_at": m.created_at,
        }
        for m in c.messages.select_related("author")
    ]


@router.post(
    "/{collaboration_id}/messages", response={201: CollabMessageOut, **ERRORS}, summary="Send a message"
)
def send(request: HttpRequest, collaboration_id: int, body: CollabTextIn) -> Any:
    m = services.send_message(_act(request, collaboration_id), user=request.user, text=body.text)
    return Status(
        201,
        {
            "id": m.pk,
            "side": m.side,
            "author": str(m.author or ""),
            "text": m.text,
            "attachment": "",
            "created_at": m.created_at,
        },
    )


@router.post(
    "/{collaboration_id}/meetings",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Propose a meeting",
)
def propose_meeting(request: HttpRequest, collaboration_id: int, body: CollabMeetingIn) -> Any:
    services_meetings.meeting_propose(
        _act(request, collaboration_id),
        user=request.user,
        mode=body.mode,
        location=body.location,
        options=body.options,
        duration_minutes=body.duration_minutes,
        agenda=body.agenda,
    )
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/meetings/{meeting_id}/accept",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Accept one proposed time",
)
def accept_meeting(
    request: HttpRequest, collaboration_id: int, meeting_id: int, body: MeetingOptionIn
) -> Any:
    c = _act(request, collaboration_id)
    services_meetings.meeting_accept(meeting_in(c, meeting_id), user=request.user, option=body.option)
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/meetings/{meeting_id}/reschedule",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Propose new times",
)
def reschedule_meeting(
    request: HttpRequest, collaboration_id: int, meeting_id: int, body: MeetingOptionsIn
) -> Any:
    c = _act(request, collaboration_id)
    services_meetings.meeting_reschedule(meeting_in(c, meeting_id), user=request.user, options=body.options)
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/meetings/{meeting_id}/cancel",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Cancel a meeting",
)
def cancel_meeting(
    request: HttpRequest, collaboration_id: int, meeting_id: int, body: MeetingCancelIn
) -> Any:
    c = _act(request, collaboration_id)
    services_meetings.meeting_cancel(meeting_in(c, meeting_id), user=request.user, reason=body.reason)
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/meetings/{meeting_id}/notes",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Notes and what next, after the meeting",
)
def meeting_notes(request: HttpRequest, collaboration_id: int, meeting_id: int, body: MeetingNotesIn) -> Any:
    c = _act(request, collaboration_id)
    services_meetings.meeting_record(
        meeting_in(c, meeting_id), user=request.user, notes=body.notes, next_steps=body.next_steps
    )
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/proposals",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Submit a proposal version (supplier)",
)
def submit_proposal(request: HttpRequest, collaboration_id: int, body: CollabProposalIn) -> Any:
    services_project.proposal_submit(_act(request, collaboration_id), user=request.user, **body.model_dump())
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/proposals/{proposal_id}/comments",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Comment on a version",
)
def comment_proposal(
    request: HttpRequest, collaboration_id: int, proposal_id: int, body: CollabTextIn
) -> Any:
    c = _act(request, collaboration_id)
    services_project.proposal_comment(proposal_in(c, proposal_id), user=request.user, text=body.text)
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/proposals/{proposal_id}/changes",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Ask for changes (demander)",
)
def request_changes(
    request: HttpRequest, collaboration_id: int, proposal_id: int, body: ProposalNoteIn
) -> Any:
    c = _act(request, collaboration_id)
    services_project.proposal_request_changes(proposal_in(c, proposal_id), user=request.user, note=body.note)
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/proposals/{proposal_id}/accept",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Accept a version (demander)",
)
def accept_proposal(request: HttpRequest, collaboration_id: int, proposal_id: int) -> Any:
    c = _act(request, collaboration_id)
    services_project.proposal_accept(proposal_in(c, proposal_id), user=request.user)
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/agreement/confirm",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Confirm the agreement",
)
def confirm(request: HttpRequest, collaboration_id: int) -> Any:
    services_project.agreement_confirm(_act(request, collaboration_id), user=request.user)
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/milestones",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Add a milestone",
)
def add_milestone(request: HttpRequest, collaboration_id: int, body: CollabMilestoneIn) -> Any:
    services_project.milestone_add(_act(request, collaboration_id), user=request.user, **body.model_dump())
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/milestones/{milestone_id}/done",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Mark a milestone done",
)
def milestone_done(request: HttpRequest, collaboration_id: int, milestone_id: int) -> Any:
    c = _act(request, collaboration_id)
    services_project.milestone_done(milestone_in(c, milestone_id), user=request.user)
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/updates",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Post a status update",
)
def post_update(request: HttpRequest, collaboration_id: int, body: CollabTextIn) -> Any:
    services_project.project_update(_act(request, collaboration_id), user=request.user, text=body.text)
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/complete",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Record the outcome (demander)",
)
def complete(request: HttpRequest, collaboration_id: int, body: CollabCompleteIn) -> Any:
    services_project.project_complete(
        _act(request, collaboration_id),
        user=request.user,
        achieved_kpi=body.achieved_kpi,
        summary=body.summary,
    )
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/rate",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Rate and review the other side",
)
def rate(request: HttpRequest, collaboration_id: int, body: CollabRateIn) -> Any:
    services_project.outcome_rate(
        _act(request, collaboration_id), user=request.user, rating=body.rating, review=body.review
    )
    return _detail(request, collaboration_id)


@router.post(
    "/{collaboration_id}/verify",
    response={200: CollaborationDetailOut, **ERRORS},
    summary="Verify the outcome (hub operator)",
)
def verify(request: HttpRequest, collaboration_id: int, body: CollabVerifyIn) -> Any:
    services_project.outcome_verify(_act(request, collaboration_id), user=request.user, note=body.note)
    return _detail(request, collaboration_id)
