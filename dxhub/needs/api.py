"""REST endpoints for DX needs: the same access helper, filters and state machine as the pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, P, QueryEx, Router, Schema, Status

from dxhub.core.api_schemas import (
    ERRORS,
    INT64_MAX,
    MAX_KEYS,
    InputSchema,
    PageOut,
    Text,
    check_filters,
    page_of,
    patch_field,
    resolve,
)
from dxhub.needs import services
from dxhub.needs.access import get_need_for_user
from dxhub.needs.models import Need
from dxhub.needs.selectors import need_list
from dxhub.reference.models import Capability, KsicCode

router = Router(tags=["needs"])


class NeedOut(Schema):
    id: int
    company_id: int
    company: str
    hub: str
    title: str
    ksic: str | None
    site: str
    problem: str
    current_practice: str
    data_kinds: str
    data_volume: str
    data_access: str
    target_kpi: str
    budget_min: int | None
    budget_max: int | None
    timeline_months: int | None
    required_capabilities: list[str]
    status: str
    visibility: str
    close_reason: str
    published_at: datetime | None


class NeedIn(InputSchema):
    title: Text = Field(..., min_length=1, max_length=150)
    ksic: Text | None = Field(
        None, description="KSIC code of the site; the company's first code when left out"
    )
    site: Text = Field(..., min_length=1, max_length=200)
    problem: Text = Field(..., min_length=1)
    current_practice: Text = ""
    data_kinds: Text = Field("", max_length=200)
    data_volume: Text = Field("", max_length=120)
    data_access: Text = Field("", max_length=200)
    target_kpi: Text = Field("", max_length=200)
    budget_min: int | None = Field(None, ge=0, le=INT64_MAX, description="won")
    budget_max: int | None = Field(None, ge=0, le=INT64_MAX, description="won")
    timeline_months: int | None = Field(None, ge=1, le=120)
    required_capabilities: list[Text] = Field([], max_length=MAX_KEYS, description="capability slugs")
    visibility: Need.Visibility = Need.Visibility.HUB


class NeedPatch(InputSchema):
    """Only the fields sent change. Those typed without `| None` cannot be set to null."""

    title: Text = patch_field(min_length=1, max_length=150)
    ksic: Text | None = patch_field(description="null clears it")
    site: Text = patch_field(min_length=1, max_length=200)
    problem: Text = patch_field(min_length=1)
    current_practice: Text = patch_field()
    data_kinds: Text = patch_field(max_length=200)
    data_volume: Text = patch_field(max_length=120)
    data_access: Text = patch_field(max_length=200)
    target_kpi: Text = patch_field(max_length=200)
    budget_min: int | None = patch_field(ge=0, le=INT64_MAX)
    budget_max: int | None = patch_field(ge=0, le=INT64_MAX)
    timeline_months: int | None = patch_field(ge=1, le=120)
    required_capabilities: list[Text] = patch_field(max_length=MAX_KEYS)
    visibility: Need.Visibility = patch_field()


class CloseIn(InputSchema):
    reason: Need.CloseReason
    note: Text = Field("", max_length=300)


def serialize(need: Need) -> dict[str, Any]:
    return {
        "id": need.pk,
        "company_id": need.company_id,
        "company": need.company.name,
        "hub": need.hub.slug,
        "title": need.title,
        "ksic": need.ksic_id,
        "site": need.site,
        "problem": need.problem,
        "current_practice": need.current_practice,
        "data_kinds": need.data_kinds,
        "data_volume": need.data_volume,
        "data_access": need.data_access,
        "target_kpi": need.target_kpi,
        "budget_min": need.budget_min,
        "budget_max": need.budget_max,
        "timeline_months": need.timeline_months,
        "required_capabilities": [c.slug for c in need.required_capabilities.all()],
        "status": need.status,
        "visibility": need.visibility,
        "close_reason": need.close_reason,
        "published_at": need.published_at,
    }


def _relations(payload: dict[str, Any]) -> dict[str, Any]:
    """Pops the keys that name other rows from `payload` and returns those rows (400 if unknown)."""
    out: dict[str, Any] = {}
    if "ksic" in payload:
        code = payload.pop("ksic")
        out["ksic"] = resolve(KsicCode, "code", [code], "ksic")[0] if code else None
    capabilities = payload.pop("required_capabilities", None)
    if capabilities is not None:
        out["required_capabilities"] = resolve(Capability, "slug", capabilities, "required_capabilities")
    return out


@router.get("", response={200: PageOut[NeedOut], **ERRORS}, summary="List DX needs visible to you")
def list_needs(
    request: HttpRequest,
    page: QueryEx[int, P(ge=1)] = 1,
    q: str = "",
    hub: QueryEx[int | None, P(description="hub id", ge=1, le=INT64_MAX)] = None,
    region: QueryEx[str, P(description="region code of the company (시도 or 시군구)")] = "",
    ksic: QueryEx[str, P(description="KSIC code; its sub-classes match too")] = "",
    capability: QueryEx[str, P(description="capability slug")] = "",
    status: Need.Status | None = None,
    visibility: Need.Visibility | None = None,
    company: QueryEx[int | None, P(description="company id", ge=1, le=INT64_MAX)] = None,
) -> Any:
    filterset, rows = need_list(request.user, request.GET)
    check_filters(filterset)
    return page_of(rows, page, serialize)


@router.get("/{need_id}", response={200: NeedOut, **ERRORS}, summary="One DX need")
def get_need(request: HttpRequest, need_id: int) -> Any:
    return serialize(get_need_for_user(request.user, need_id))


@router.post("", response={201: NeedOut, **ERRORS}, summary="Create a draft need (demander members)")
def create_need(request: HttpRequest, body: NeedIn) -> Any:
    user: Any = request.user
    if not user.has_perm("needs.add_need"):
        raise PermissionDenied("only members of a demander company post needs")
    payload = body.model_dump()
    if payload["ksic"] is None:
        del payload["ksic"]  # need_create falls back on the company's first KSIC code
    relations = _relations(payload)
    need = services.need_create(company=user.company, created_by=user, **payload, **relations)
    return Status(201, serialize(need))


@router.patch("/{need_id}", response={200: NeedOut, **ERRORS}, summary="Change a need")
def update_need(request: HttpRequest, need_id: int, body: NeedPatch) -> Any:
    need = get_need_for_user(request.user, need_id, write=True)
    payload = body.model_dump(exclude_unset=True)
    relations = _relations(payload)
    return serialize(services.need_update(need, **payload, **relations))


@router.post("/{need_id}/publish", response={200: NeedOut, **ERRORS}, summary="Publish a draft need")
def publish_need(request: HttpRequest, need_id: int) -> Any:
    need = get_need_for_user(request.user, need_id, write=True)
    return serialize(services.need_publish(need))


@router.post("/{need_id}/close", response={200: NeedOut, **ERRORS}, summary="Close a need with a reason")
def close_need(request: HttpRequest, need_id: int, body: CloseIn) -> Any:
    need = get_need_for_user(request.user, need_id, write=True)
    return serialize(services.need_close(need, reason=body.reason, note=body.note))
