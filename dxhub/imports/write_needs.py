"""Writes validated need rows in bulk, inside the import's transaction."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from dxhub.core.search import index_texts
from dxhub.imports.audit import CREATE, UPDATE, AuditBatch
from dxhub.imports.lookups import Reference, chunks
from dxhub.imports.need_rows import NeedRow
from dxhub.imports.write_companies import BATCH, Written
from dxhub.needs.models import Need


def write_needs(rows: list[NeedRow], *, ref: Reference, user: Any, audit: AuditBatch) -> Written:
    """Create new needs, update changed ones (same company, same title), leave identical ones alone."""
    creates = [r for r in rows if r.is_new]
    updates = [r for r in rows if not r.is_new and not r.is_unchanged]
    changes = {r.row: r.changes() for r in (*creates, *updates)}
    now = timezone.now()
    created_by = user if getattr(user, "pk", None) else None
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
    _set_search_text([*creates, *updates], needs, ref)

    Need.objects.bulk_create([needs[r.row] for r in creates], batch_size=BATCH)
    Need.objects.bulk_update(
        [needs[r.row] for r in updates], fields=sorted(changed_fields), batch_size=BATCH // 2
    )
    _write_capabilities([*creates, *updates], needs)
    for r in creates:
        audit.add(needs[r.row], CREATE, changes[r.row])
    for r in updates:
        audit.add(needs[r.row], UPDATE, changes[r.row])
    return Written(
        created=len(creates), updated=len(updates), unchanged=len(rows) - len(creates) - len(updates)
    )


def _set_search_text(rows: list[NeedRow], needs: dict[int, Need], ref: Reference) -> None:
    """The parts `need_index_text` reads, analysed in one batch."""
    parts_per_row: list[list[str | None]] = []
    for r in rows:
        need = needs[r.row]
        cap_ids = r.capability_ids if r.capability_ids is not None else r.old_capabilities
        caps = sorted((ref.capability_by_id[i] for i in cap_ids), key=lambda c: c.name_ko)
        parts: list[str | None] = [
            need.title,
            need.site,
            need.problem,
            need.current_practice,
            need.data_kinds,
            need.target_kpi,
        ]
        parts += [c.name_ko + " " + c.keywords for c in caps]
        parts_per_row.append(parts)
    for r, text in zip(rows, index_texts(parts_per_row), strict=True):
        needs[r.row].search_text = text


def _write_capabilities(rows: list[NeedRow], needs: dict[int, Need]) -> None:
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
