"""A row of a bulk write of companies (an import's validated row), and what writing it would change."""

from __future__ import annotations

from dataclasses import dataclass, field

from dxhub.companies.models import Company, ContactPerson

_ATTNAMES = {f.name: f.attname for f in Company._meta.concrete_fields}
# What a row may set: Company.FIELDS by column name (region_id, hub_id) without the key.
SCALAR_FIELDS = tuple(_ATTNAMES[name] for name in Company.FIELDS if name != "brn")
CONTACT_FIELDS = ("name", "email", "phone")


def as_text(value: object) -> str | None:
    return None if value is None else str(value)


@dataclass
class CompanyRow:
    """One valid row. None means "the file says nothing here", which leaves a stored value alone:
    a blank cell never erases what a company already has."""

    row: int
    brn: str
    name: str
    name_en: str | None = None
    kind: str | None = None
    region_id: str | None = None
    address: str | None = None
    employees: int | None = None
    founded_year: int | None = None
    revenue_band: str | None = None
    hub_id: int | None = None
    tenancy: str | None = None
    description: str | None = None
    website: str | None = None
    ksic_codes: list[str] | None = None
    capability_ids: list[int] | None = None
    contact: dict[str, str] = field(default_factory=dict)  # name/email/phone the file sets
    existing: Company | None = None
    old_ksic: set[str] = field(default_factory=set)
    old_capabilities: set[int] = field(default_factory=set)
    old_contact: ContactPerson | None = None

    def values(self) -> dict[str, object]:
        """Model fields the file sets."""
        return {f: getattr(self, f) for f in SCALAR_FIELDS if getattr(self, f) is not None}

    def changes(self) -> dict[str, list[str | None]]:
        """auditlog-style {field: [old, new]} for the company (contacts are counted separately)."""
        out: dict[str, list[str | None]] = {}
        if self.existing is None:
            out["brn"] = [None, self.brn]
        for name, new in self.values().items():
            old = getattr(self.existing, name) if self.existing else None
            if old != new:
                out[name.removesuffix("_id")] = [as_text(old), as_text(new)]
        if self.ksic_codes is not None and set(self.ksic_codes) != self.old_ksic:
            out["ksic_codes"] = [";".join(sorted(self.old_ksic)) or None, ";".join(self.ksic_codes)]
        if self.capability_ids is not None and set(self.capability_ids) != self.old_capabilities:
            out["capabilities"] = [
                ";".join(map(str, sorted(self.old_capabilities))) or None,
                ";".join(map(str, self.capability_ids)),
            ]
        return out

    def contact_changes(self) -> dict[str, list[str | None]]:
        out: dict[str, list[str | None]] = {}
        for name, new in self.contact.items():
            old = getattr(self.old_contact, name) if self.old_contact else None
            if old != new:
                out[name] = [old, new]
        return out

    @property
    def is_new(self) -> bool:
        return self.existing is None

    @property
    def is_unchanged(self) -> bool:
        return not self.is_new and not self.changes() and not self.contact_changes()
