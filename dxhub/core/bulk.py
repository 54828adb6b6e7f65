"""What the bulk writes of the kinds' services share: their counts, batches and audit entries.

Bulk writes bypass django-auditlog's save signals, so they write their audit entries themselves: one LogEntry per created or updated object, in the same shape auditlog writes itself
({field: [old, new]}), so the history of a company reads the same whether it was edited on a page
or arrived in a spreadsheet. Entries are inserted in batches: a per-object `log_create` would be
one serialisation and one INSERT per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from auditlog.cid import get_cid
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models

CREATE = LogEntry.Action.CREATE
UPDATE = LogEntry.Action.UPDATE
BATCH = 1000  # rows per bulk INSERT


@dataclass
class Written:
    """What a bulk write did."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0


def chunks[T](items: Iterable[T], size: int = 500) -> Iterable[list[T]]:
    """Fixed-size batches: SQLite limits how many parameters one query may carry."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class AuditBatch:
    """Collects entries during a bulk write; `save` writes them at once."""

    def __init__(self, *, actor: Any, note: dict[str, Any]) -> None:
        self.actor = actor if getattr(actor, "pk", None) else None
        self.note = note
        self.cid = get_cid()
        self.entries: list[LogEntry] = []
        self._types: dict[type[models.Model], ContentType] = {}

    def add(self, instance: models.Model, action: int, changes: dict[str, Any]) -> None:
        model = type(instance)
        if model not in self._types:
            self._types[model] = ContentType.objects.get_for_model(model)
        self.entries.append(
            LogEntry(
                content_type=self._types[model],
                object_pk=str(instance.pk),
                object_id=instance.pk if isinstance(instance.pk, int) else None,
                object_repr=str(instance),
                action=action,
                changes=changes,
                actor=self.actor,
                actor_email=getattr(self.actor, "email", None),
                cid=self.cid,
                additional_data=self.note,
            )
        )

    def save(self) -> int:
        LogEntry.objects.bulk_create(self.entries, batch_size=1000)
        return len(self.entries)
