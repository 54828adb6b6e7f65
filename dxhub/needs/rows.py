"""A row of a bulk write of needs (an import's validated row), and what writing it would change."""

from __future__ import annotations

from dataclasses import dataclass, field

from dxhub.companies.rows import as_text
from dxhub.needs.models import Need

_ATTNAMES = {f.name: f.attname for f in Need._meta.concrete_fields}
# What a row may set: Need.FIELDS by column name (hub_id, ksic_id) without the key, and the status.
NEED_FIELDS = (*(_ATTNAMES[name] for name in Need.FIELDS if name != "title"), "status")


@dataclass
class NeedRow:
    """One valid row, keyed by (company, title). None leaves a stored value alone, as for companies."""

    row: int
    company_id: int
    title: str
    hub_id: int | None = None
    ksic_id: str | None = None
    site: str | None = None
    problem: str | None = None
    current_practice: str | None = None
    data_kinds: str | None = None
    data_volume: str | None = None
    data_access: str | None = None
    target_kpi: str | None = None
    budget_min: int | None = None
    budget_max: int | None = None
    timeline_months: int | None = None
    visibility: str | None = None
    status: str | None = None
    capability_ids: list[int] | None = None
    existing: Need | None = None
    old_capabilities: set[int] = field(default_factory=set)

    def values(self) -> dict[str, object]:
        return {f: getattr(self, f) for f in NEED_FIELDS if getattr(self, f) is not None}

    def changes(self) -> dict[str, list[str | None]]:
        """auditlog-style {field: [old, new]}."""
        out: dict[str, list[str | None]] = {}
        if self.existing is None:
            out["title"] = [None, self.title]
        for name, new in self.values().items():
            old = getattr(self.existing, name) if self.existing else None
            if old != new:
                out[name.removesuffix("_id")] = [as_text(old), as_text(new)]
        if self.capability_ids is not None and set(self.capability_ids) != self.old_capabilities:
            out["required_capabilities"] = [
                ";".join(map(str, sorted(self.old_capabilities))) or None,
                ";".join(map(str, self.capability_ids)),
            ]
        return out

    @property
    def is_new(self) -> bool:
        return self.existing is None

    @property
    def is_unchanged(self) -> bool:
        return not self.is_new and not self.changes()
