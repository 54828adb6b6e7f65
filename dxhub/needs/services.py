"""Writes to needs: creation, edits and the state machine draft → published → in discussion → closed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dxhub.companies.models import Company
from dxhub.core.bulk import BATCH, CREATE, UPDATE, AuditBatch, Written, chunks
from dxhub.core.search import index_text, index_texts
from dxhub.needs.hooks import need_saved, needs_bulk_saved
from dxhub.needs.models import Need
from dxhub.needs.rows import NeedRow
from dxhub.needs.text import need_search_parts
from dxhub.reference.models import Capability

# Need.FIELDS, with foreign keys also by id.
NEED_FIELDS = (*Need.FIELDS, "ksic_id", "hub_id")

TRANSITIONS: dict[str, set[str]] = {
    Need.Status.DRAFT: {Need.Status.PUBLISHED, Need.Status.CLOSED},
    Need.Status.PUBLISHED: {Need.Status.IN_DISCUSSION, Need.Status.CLOSED, Need.Status.DRAFT},
    Need.Status.IN_DISCUSSION: {Need.Status.CLOSED, Need.Status.PUBLISHED},
    Need.Status.CLOSED: {Need.Status.DRAFT},
}


# A bulk write (an import) creates drafts or published needs; discussion and closing happen on the platform.
BULK_STATUSES = (Need.Status.DRAFT, Need.Status.PUBLISHED)


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


@transaction.atomic
def needs_bulk_write(
    rows: list[NeedRow],
    *,
    actor: Any = None,
    note: dict[str, Any] | None = None,
    capabilities: Mapping[int, Capability] | None = None,
) -> Written:
    """Create new needs, update changed ones (same company, same title), leave identical ones alone.

    In a few bulk statements; a need that becomes published is stamped `published_at` as
    `need_publish` does; search text comes from `need_search_parts`; audit entries carry `note`;
    one `needs_bulk_saved` is announced for the batch. Rows may only set the statuses in
    BULK_STATUSES (the caller checks, so that it can name the row).
    """
    if capabilities is None:
        capabilities = {c.pk: c for c in Capability.objects.all()}
    audit = AuditBatch(actor=actor, note=note or {})
    creates = [r for r in rows if r.is_new]
    updates = [r for r in rows if not r.is_new and not r.is_unchanged]
    changes = {r.row: r.changes() for r in (*creates, *updates)}
    now = timezone.now()
    created_by = actor if getattr(actor, "pk", None) else None
    needs: dict[int, Need] = {}
    for r in creates:
        needs[r.row] = Need(company_id=r.company_id, title=r.title, created_by=created_by, **r.values())
    changed_fields: set[str] = {"search_text", "updated_at"}
    for r in updates:
        assert r.existing is not None
        for name, value in r.values().items():
            setattr(r.existing, name, value)
        r.existing.updated_at = now
        changed_fields.update(k for k in changes[r.row] if k != "required_capabilities")
        needs[r.row] = r.existing
    for need in needs.values():
        if need.status == Need.Status.PUBLISHED and need.published_at is None:
            need.published_at = now
            changed_fields.add("published_at")
    _bulk_search_text([*creates, *updates], needs, capabilities)

    Need.objects.bulk_create([needs[r.row] for r in creates], batch_size=BATCH)
    Need.objects.bulk_update(
        [needs[r.row] for r in updates], fields=sorted(changed_fields), batch_size=BATCH // 2
    )
    _bulk_capabilities([*creates, *updates], needs)
    for r in creates:
        audit.add(needs[r.row], CREATE, changes[r.row])
    for r in updates:
        audit.add(needs[r.row], UPDATE, changes[r.row])
    audit.save()
    if creates or updates:
        # One announcement for the batch: matching rebuilds once, not once per row.
        needs_bulk_saved.announce(created=len(creates), updated=len(updates))
    return Written(
        created=len(creates), updated=len(updates), unchanged=len(rows) - len(creates) - len(updates)
    )


def _bulk_search_text(
    rows: list[NeedRow], needs: dict[int, Need], capabilities: Mapping[int, Capability]
) -> None:
    """`need_search_parts` for every row, analysed in one batch."""
    parts_per_row: list[list[str | None]] = []
    for r in rows:
        cap_ids = r.capability_ids if r.capability_ids is not None else r.old_capabilities
        caps = sorted((capabilities[i] for i in cap_ids), key=lambda c: c.name_ko)
        parts_per_row.append(need_search_parts(needs[r.row], capabilities=caps))
    for r, text in zip(rows, index_texts(parts_per_row), strict=True):
        needs[r.row].search_text = text


def _bulk_capabilities(rows: list[NeedRow], needs: dict[int, Need]) -> None:
    through = Need.required_capabilities.through
    changed = [
        r for r in rows if r.capability_ids is not None and set(r.capability_ids) != r.old_capabilities
    ]
    for batch in chunks([r.existing.pk for r in changed if r.existing is not None]):
        through.objects.filter(need_id__in=batch).delete()
    through.objects.bulk_create(
        [through(need_id=needs[r.row].pk, capability_id=c) for r in changed for c in r.capability_ids or ()],
        batch_size=BATCH,
    )
