"""Collaborations as plain data for the API. Contacts only where the reader may see them."""

from __future__ import annotations

from typing import Any

from dxhub.collab.access import side_of
from dxhub.collab.models import Collaboration
from dxhub.companies.access import can_see_contacts


def summary(c: Collaboration) -> dict[str, Any]:
    return {
        "id": c.pk,
        "need_id": c.need_id,
        "need": c.need.title,
        "demander_id": c.need.company_id,
        "demander": c.need.company.name,
        "supplier_id": c.supplier_id,
        "supplier": c.supplier.name,
        "stage": c.stage,
        "initiated_by": c.initiated_by,
        "stage_changed_at": c.stage_changed_at,
        "updated_at": c.updated_at,
    }


def _contacts(user: Any, company: Any) -> list[dict[str, str]] | None:
    if not can_see_contacts(user, company):
        return None
    return [
        {"name": p.name, "title": p.title, "email": p.email, "phone": p.phone} for p in company.contacts.all()
    ]


def detail(user: Any, c: Collaboration) -> dict[str, Any]:
    agreement = getattr(c, "agreement", None) if hasattr(c, "agreement") else None
    outcome = c.outcome if hasattr(c, "outcome") else None
    return {
        **summary(c),
        "your_side": side_of(user, c),
        "interest_message": c.interest_message,
        "decline_reason": c.decline_reason,
        "withdraw_reason": c.withdraw_reason,
        "contacts": {"demander": _contacts(user, c.need.company), "supplier": _contacts(user, c.supplier)},
        "meetings": [
            {
                "id": m.pk,
                "status": m.status,
                "proposed_by": m.proposed_by,
                "mode": m.mode,
                "location": m.location,
                "options": m.options,
                "starts_at": m.starts_at.isoformat() if m.starts_at else None,
                "duration_minutes": m.duration_minutes,
                "notes": m.notes,
                "next_steps": m.next_steps,
            }
            for m in c.meetings.all()
        ],
        "proposals": [
            {
                "id": p.pk,
                "number": p.number,
                "status": p.status,
                "scope": p.scope,
                "deliverables": p.deliverables,
                "schedule": p.schedule,
                "duration_months": p.duration_months,
                "price": p.price,
                "decision_note": p.decision_note,
                "comments": [{"side": cm.side, "text": cm.text} for cm in p.comments.all()],
            }
            for p in c.proposals.prefetch_related("comments")
        ],
        "agreement": None
        if agreement is None
        else {
            "proposal_id": agreement.proposal_id,
            "price": agreement.price,
            "demander_confirmed": agreement.demander_confirmed_at is not None,
            "supplier_confirmed": agreement.supplier_confirmed_at is not None,
        },
        "milestones": [
            {
                "id": m.pk,
                "title": m.title,
                "deliverable": m.deliverable,
                "due": m.due and m.due.isoformat(),
                "done": m.done_at is not None,
            }
            for m in c.milestones.all()
        ],
        "outcome": None
        if outcome is None
        else {
            "target_kpi": outcome.target_kpi,
            "achieved_kpi": outcome.achieved_kpi,
            "summary": outcome.summary,
            "demander_rating": outcome.demander_rating,
            "supplier_rating": outcome.supplier_rating,
            "verified": outcome.verified_at is not None,
        },
        "events": [
            {"kind": e.kind, "side": e.side, "reason": e.reason, "at": e.created_at.isoformat()}
            for e in c.events.all()
        ],
    }
