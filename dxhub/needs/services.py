"""Writes to needs: creation, edits and the state machine draft → published → in discussion → closed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dxhub.companies.models import Company
from dxhub.core.search import index_text
from dxhub.needs.hooks import need_saved
from dxhub.needs.models import Need
from dxhub.needs.text import need_search_parts
from dxhub.reference.models import Capability

NEED_FIELDS = (
    "title",
    "ksic",
    "ksic_id",
    "site",
    "problem",
    "current_practice",
    "data_kinds",
    "data_volume",
    "data_access",
    "target_kpi",
    "budget_min",
    "budget_max",
    "timeline_months",
    "visibility",
    "hub",
    "hub_id",
)

TRANSITIONS: dict[str, set[str]] = {
    Need.Status.DRAFT: {Need.Status.PUBLISHED, Need.Status.CLOSED},
    Need.Status.PUBLISHED: {Need.Status.IN_DISCUSSION, Need.Status.CLOSED, Need.Status.DRAFT},
    Need.Status.IN_DISCUSSION: {Need.Status.CLOSED, Need.Status.PUBLISHED},
    Need.Status.CLOSED: {Need.Status.DRAFT},
}


class TransitionError(ValidationError):
    """A state change the need's life cycle does not allow."""


def need_index_text(need: Need) -> str:
    return index_text(need_search_parts(need, capabilities=need.required_capabilities.all()))


def need_refresh_search(need: Need) -> None:
    Need.objects.filter(pk=need.pk).update(search_text=need_index_text(need))


@transaction.atomic
def need_create(
    *,
    company: Company,
    created_by: Any = None,
    required_capabilities: Iterable[Capability] = (),
    **fields: Any,
) -> Need:
    unknown = set(fields) - set(NEED_FIELDS)
    if unknown:
        raise TypeError(f"unknown need fields: {sorted(unknown)}")
    if not company.is_demander:
        raise ValidationError(_("Only a demander (manufacturer) can post a DX need."))
    if "hub" not in fields and "hub_id" not in fields:
        if company.hub_id is None:
            raise ValidationError(_("The company belongs to no hub: choose the hub for this need."))
        fields["hub_id"] = company.hub_id
    if "ksic" not in fields and "ksic_id" not in fields:
        first = company.ksic_codes.order_by("code").first()
        fields["ksic"] = first
    need = Need(company=company, created_by=created_by, **fields)
    need.full_clean()
    need.save()
    need.required_capabilities.set(list(required_capabilities))
    need_refresh_search(need)
    need_saved.announce(need_id=need.pk)
    return need


@transaction.atomic
def need_update(
    need: Need, *, required_capabilities: Iterable[Capability] | None = None, **fields: Any
) -> Need:
    unknown = set(fields) - set(NEED_FIELDS)
    if unknown:
        raise TypeError(f"unknown need fields: {sorted(unknown)}")
    if need.status == Need.Status.CLOSED:
        raise TransitionError(_("A closed need cannot be edited; reopen it as a draft first."))
    for key, value in fields.items():
        setattr(need, key, value)
    need.full_clean()
    need.save()
    if required_capabilities is not None:
        need.required_capabilities.set(list(required_capabilities))
    need_refresh_search(need)
    need_saved.announce(need_id=need.pk)
    return need


def _transition(need: Need, to: str) -> Need:
    # Lock the row so two tabs publishing or closing at once cannot interleave.
    locked = Need.objects.select_for_update().get(pk=need.pk)
    if to not in TRANSITIONS[locked.status]:
        raise TransitionError(
            _("A need in state “%(from)s” cannot become “%(to)s”.")
            % {"from": locked.get_status_display(), "to": Need.Status(to).label}
        )
    locked.status = to
    need_saved.announce(need_id=locked.pk)  # opening or closing a need changes who it is shown to
    return locked


@transaction.atomic
def need_publish(need: Need) -> Need:
    if need.status == Need.Status.PUBLISHED:
        return need  # a double click publishes once
    locked = _transition(need, Need.Status.PUBLISHED)
    labels = {"problem": _("problem"), "site": _("site and process")}
    missing = [str(label) for field, label in labels.items() if not getattr(locked, field)]
    if missing:
        raise ValidationError(_("Fill in before publishing: %(fields)s") % {"fields": ", ".join(missing)})
    locked.published_at = locked.published_at or timezone.now()
    locked.save(update_fields=["status", "published_at", "updated_at"])
    return locked


@transaction.atomic
def need_start_discussion(need: Need) -> Need:
    locked = _transition(need, Need.Status.IN_DISCUSSION)
    locked.save(update_fields=["status", "updated_at"])
    return locked


@transaction.atomic
def need_close(need: Need, *, reason: str, note: str = "") -> Need:
    if reason not in Need.CloseReason.values:
        raise ValidationError(_("Choose a reason for closing."))
    locked = _transition(need, Need.Status.CLOSED)
    locked.close_reason, locked.close_note = reason, note
    locked.save(update_fields=["status", "close_reason", "close_note", "updated_at"])
    return locked


@transaction.atomic
def need_reopen(need: Need) -> Need:
    locked = _transition(need, Need.Status.DRAFT)
    locked.close_reason, locked.close_note = "", ""
    locked.save(update_fields=["status", "close_reason", "close_note", "updated_at"])
    return locked
