"""REST endpoints for calls and applications: the same access helpers and services as the pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import Field, P, QueryEx, Router, Schema, Status

from dxhub.companies.models import Company
from dxhub.core.api_schemas import (
    ERRORS,
    INT64_MAX,
    MAX_KEYS,
    InputSchema,
    PageOut,
    Text,
    page_of,
    patch_field,
    resolve,
)
from dxhub.hubs.models import Hub
from dxhub.programmes import selectors, services
from dxhub.programmes.access import get_application_for_user, get_call_for_user
from dxhub.programmes.eligibility import eligibility_reasons
from dxhub.programmes.models import Application, Call

# The enums are spelled out (not the models' TextChoices) so their schema names cannot clash with other
# apps' enums of the same class name (Kind, Group…); a test below keeps them equal to the models'.

router = Router(tags=["programmes"])


class CriterionOut(Schema):
    name: str
    weight: int


class CallOut(Schema):
    id: int
    title: str
    hubs: list[str]
    year: int
    status: str
    opens_at: datetime
    deadline: datetime
    total_budget: int
    cap_per_project: int
    aggregation: str
    pass_mark: int
    required_documents: list[str]
    criteria: list[CriterionOut]
    quotas: list[str]


class CriterionIn(InputSchema):
    name: Text = Field(..., min_length=1, max_length=120)
    weight: int = Field(..., ge=1, le=100)


class QuotaIn(InputSchema):
    group: Literal["regional", "young"]
    kind: Literal["count", "share"]
    value: int = Field(..., ge=0, le=100_000)


class CallIn(InputSchema):
    title: Text = Field(..., min_length=1, max_length=150)
    summary: Text = ""
    hubs: list[Text] = Field(..., min_length=1, max_length=MAX_KEYS, description="hub slugs")
    year: int = Field(..., ge=2000, le=2100)
    opens_at: datetime
    deadline: datetime
    total_budget: int = Field(..., ge=1, le=INT64_MAX, description="won")
    cap_per_project: int = Field(..., ge=1, le=INT64_MAX, description="won")
    region_prefixes: Text = Field("", max_length=200)
    max_employees: int | None = Field(None, ge=1, le=2_000_000_000)
    ksic_prefixes: Text = Field("", max_length=200)
    tenancies: Text = Field("", max_length=100)
    max_years_since_founding: int | None = Field(None, ge=0, le=200)
    required_documents: Text = ""
    aggregation: Literal["mean", "trimmed", "zscore"] = "trimmed"
    pass_mark: int = Field(60, ge=0, le=100)
    criteria: list[CriterionIn] = Field(..., min_length=1, max_length=MAX_KEYS)
    quotas: list[QuotaIn] = Field([], max_length=MAX_KEYS)


class BudgetLineIO(InputSchema):
    item: Literal["labour", "equipment", "software", "outsourcing", "other"]
    source: Literal["national", "local", "cash", "inkind"]
    amount: int = Field(..., ge=0, le=10**13, description="won")


class ApplicationOut(Schema):
    id: int
    call_id: int
    hub: str
    title: str
    lead_id: int
    members: list[dict[str, Any]]
    status: str
    problem: str
    target_kpi: str
    scope: str
    schedule_months: int | None
    budget: list[dict[str, Any]]
    requested: int
    submitted_at: datetime | None
    final_score: float | None
    score_method: str


class ApplicationIn(InputSchema):
    title: Text = Field(..., min_length=1, max_length=150)
    supplier_id: int = Field(..., ge=1, le=INT64_MAX, description="the supplier company's id")
    other_ids: list[int] = Field([], max_length=MAX_KEYS)


class ApplicationPatch(InputSchema):
    title: Text = patch_field(min_length=1, max_length=150)
    problem: Text = patch_field()
    target_kpi: Text = patch_field(max_length=200)
    kpi_baseline: Text = patch_field(max_length=100)
    kpi_target_value: Text = patch_field(max_length=100)
    scope: Text = patch_field()
    schedule_months: int | None = patch_field(ge=1, le=120)
    budget: list[BudgetLineIO] = patch_field(max_length=40, description="replaces every budget line")


class CheckOut(Schema):
    eligible: bool
    reasons: list[str]


def serialize_call(call: Call) -> dict[str, Any]:
    return {
        "id": call.pk,
        "title": call.title,
        "hubs": [h.slug for h in call.hubs.all()],
        "year": call.year,
        "status": call.status,
        "opens_at": call.opens_at,
        "deadline": call.deadline,
        "total_budget": call.total_budget,
        "cap_per_project": call.cap_per_project,
        "aggregation": call.aggregation,
        "pass_mark": call.pass_mark,
        "required_documents": call.documents_list(),
        "criteria": [{"name": c.name, "weight": c.weight} for c in call.criteria.all()],
        "quotas": [f"{q.group}:{q.kind}:{q.value}" for q in call.quotas.all()],
    }


def serialize_application(a: Application) -> dict[str, Any]:
    return {
        "id": a.pk,
        "call_id": a.call_id,
        "hub": a.hub.slug,
        "title": a.title,
        "lead_id": a.lead_id,
        "members": [{"company_id": m.company_id, "role": m.role} for m in a.members.all()],
        "status": a.status,
        "problem": a.problem,
        "target_kpi": a.target_kpi,
        "scope": a.scope,
        "schedule_months": a.schedule_months,
        "budget": [{"item": b.item, "source": b.source, "amount": b.amount} for b in a.budget_lines.all()],
        "requested": a.requested,
        "submitted_at": a.submitted_at,
        "final_score": float(a.final_score)
        if a.final_score is not None and a.call.status == "selected"
        else None,
        "score_method": a.score_method,
    }


@router.get("/calls", response={200: PageOut[CallOut], **ERRORS}, summary="Calls visible to you")
def list_calls(request: HttpRequest, page: QueryEx[int, P(ge=1, le=INT64_MAX)] = 1) -> Any:
    return page_of(
        selectors.call_list(request.user).prefetch_related("criteria", "quotas"), page, serialize_call
    )


@router.get("/calls/{call_id}", response={200: CallOut, **ERRORS}, summary="One call")
def get_call(request: HttpRequest, call_id: int) -> Any:
    return serialize_call(get_call_for_user(request.user, call_id))


@router.post("/calls", response={201: CallOut, **ERRORS}, summary="Create a draft call (hub operators)")
def create_call(request: HttpRequest, body: CallIn) -> Any:
    user: Any = request.user
    if not user.has_perm("programmes.add_call"):
        raise PermissionDenied("only hub operators create calls")
    payload = body.model_dump()
    hubs = resolve(Hub, "slug", payload.pop("hubs"), "hubs")
    if user.is_operator and user.hub_id not in {h.pk for h in hubs}:
        raise PermissionDenied("an operator creates calls of their own hub")
    criteria = [(c["name"], c["weight"]) for c in payload.pop("criteria")]
    quotas = [(q["group"], q["kind"], q["value"]) for q in payload.pop("quotas")]
    if payload["deadline"] <= payload["opens_at"]:
        raise ValidationError({"deadline": ["the deadline must come after the opening"]})
    call = services.call_create(user=user, hubs=hubs, criteria=criteria, quotas=quotas, **payload)
    return Status(201, serialize_call(call))


@router.post("/calls/{call_id}/publish", response={200: CallOut, **ERRORS}, summary="Publish a draft call")
def publish_call(request: HttpRequest, call_id: int) -> Any:
    return serialize_call(services.call_publish(get_call_for_user(request.user, call_id, write=True)))


@router.get(
    "/applications", response={200: PageOut[ApplicationOut], **ERRORS}, summary="Applications visible to you"
)
def list_applications(request: HttpRequest, page: QueryEx[int, P(ge=1, le=INT64_MAX)] = 1) -> Any:
    rows = selectors.application_list(request.user).prefetch_related("members", "budget_lines")
    return page_of(rows, page, serialize_application)


@router.get(
    "/applications/{application_id}", response={200: ApplicationOut, **ERRORS}, summary="One application"
)
def get_application(request: HttpRequest, application_id: int) -> Any:
    return serialize_application(get_application_for_user(request.user, application_id))


@router.post(
    "/calls/{call_id}/applications",
    response={201: ApplicationOut, **ERRORS},
    summary="Start an application as the lead demander",
)
def create_application(request: HttpRequest, call_id: int, body: ApplicationIn) -> Any:
    call = get_call_for_user(request.user, call_id)
    supplier = Company.objects.filter(pk=body.supplier_id).first()
    if supplier is None:
        raise ValidationError({"supplier_id": ["unknown company"]})
    others = list(Company.objects.filter(pk__in=body.other_ids))
    application = services.application_create(
        call=call, user=request.user, supplier=supplier, others=others, title=body.title
    )
    return Status(201, serialize_application(application))


@router.patch(
    "/applications/{application_id}", response={200: ApplicationOut, **ERRORS}, summary="Save a draft"
)
def update_application(request: HttpRequest, application_id: int, body: ApplicationPatch) -> Any:
    application = get_application_for_user(request.user, application_id, write=True)
    payload = body.model_dump(exclude_unset=True)
    budget: dict[tuple[str, str], int] | None = None
    if "budget" in payload:
        budget = {}
        for line in payload.pop("budget"):
            key = (str(line["item"]), str(line["source"]))
            budget[key] = budget.get(key, 0) + line["amount"]
    return serialize_application(services.application_update(application, budget=budget, **payload))


@router.get(
    "/applications/{application_id}/check",
    response={200: CheckOut, **ERRORS},
    summary="Eligibility check without submitting",
)
def check_application(request: HttpRequest, application_id: int) -> Any:
    application = get_application_for_user(request.user, application_id, write=True)
    reasons = eligibility_reasons(application)
    return {"eligible": not reasons, "reasons": reasons}


@router.post(
    "/applications/{application_id}/submit",
    response={200: ApplicationOut, **ERRORS},
    summary="Submit: locks the draft; refused after the deadline or with eligibility reasons",
)
def submit_application(request: HttpRequest, application_id: int) -> Any:
    application = get_application_for_user(request.user, application_id, write=True)
    return serialize_application(services.application_submit(application))
