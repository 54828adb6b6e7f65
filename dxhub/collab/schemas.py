"""Request and response shapes of the collaboration API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema

from dxhub.collab.models import Collaboration, Meeting
from dxhub.core.api_schemas import INT64_MAX, InputSchema, Text

ID = Field(..., ge=1, le=INT64_MAX)
STAGES = Collaboration.Stage.values


def choice_field(values: list[str]) -> Any:
    """A required string listed as an enum in the schema; the service checks it and answers 400.

    Plain strings rather than the models' TextChoices, whose class names (Stage, Mode…) other apps
    use too and would collide as OpenAPI components.
    """
    return Field(..., max_length=20, json_schema_extra={"enum": list(values)})


class CollaborationOut(Schema):
    id: int
    need_id: int
    need: str
    demander_id: int
    demander: str
    supplier_id: int
    supplier: str
    stage: str
    initiated_by: str
    stage_changed_at: datetime
    updated_at: datetime


class CollaborationDetailOut(CollaborationOut):
    your_side: str | None
    interest_message: str
    decline_reason: str
    withdraw_reason: str
    contacts: dict[str, list[dict[str, str]] | None]
    meetings: list[dict[str, Any]]
    proposals: list[dict[str, Any]]
    agreement: dict[str, Any] | None
    milestones: list[dict[str, Any]]
    outcome: dict[str, Any] | None
    events: list[dict[str, Any]]


class CollabMessageOut(Schema):
    id: int
    side: str
    author: str
    text: str
    attachment: str
    created_at: datetime


class PipelineBoardOut(Schema):
    hub: str | None
    counts: dict[str, int]
    stuck: list[CollaborationOut]
    funnel: dict[str, int]
    threshold_days: int


class CollabStartIn(InputSchema):
    need_id: int = ID
    supplier_id: int = ID
    message: Text = Field("", max_length=2000)


class CollabDeclineIn(InputSchema):
    reason: Text = choice_field(Collaboration.DeclineReason.values)
    note: Text = Field("", max_length=300)


class CollabWithdrawIn(InputSchema):
    reason: Text = choice_field(Collaboration.WithdrawReason.values)
    note: Text = Field("", max_length=300)


class CollabTextIn(InputSchema):
    text: Text = Field(..., min_length=1, max_length=5000)


class CollabMeetingIn(InputSchema):
    mode: Text = choice_field(Meeting.Mode.values)
    location: Text = Field(..., min_length=1, max_length=300)
    options: list[datetime] = Field(..., min_length=1, max_length=5)
    duration_minutes: int = Field(60, ge=15, le=480)
    agenda: Text = Field("", max_length=2000)


class MeetingOptionIn(InputSchema):
    option: Text = Field(..., max_length=40, description="one of the meeting's proposed times, as listed")


class MeetingOptionsIn(InputSchema):
    options: list[datetime] = Field(..., min_length=1, max_length=5)


class MeetingCancelIn(InputSchema):
    reason: Text = Field(..., min_length=1, max_length=300)


class MeetingNotesIn(InputSchema):
    notes: Text = Field(..., min_length=1, max_length=5000)
    next_steps: Text = Field("", max_length=2000)


class CollabProposalIn(InputSchema):
    scope: Text = Field(..., min_length=1)
    deliverables: Text = Field(..., min_length=1)
    schedule: Text = Field(..., min_length=1)
    duration_months: int = Field(..., ge=1, le=120)
    price: int = Field(..., ge=0, le=INT64_MAX, description="won")


class ProposalNoteIn(InputSchema):
    note: Text = Field(..., min_length=1, max_length=500)


class CollabMilestoneIn(InputSchema):
    title: Text = Field(..., min_length=1, max_length=150)
    deliverable: Text = Field("", max_length=200)
    due: date | None = None


class CollabCompleteIn(InputSchema):
    achieved_kpi: Text = Field(..., min_length=1, max_length=200)
    summary: Text = Field("", max_length=5000)


class CollabRateIn(InputSchema):
    rating: int = Field(..., ge=1, le=5)
    review: Text = Field("", max_length=3000)


class CollabVerifyIn(InputSchema):
    note: Text = Field("", max_length=300)
