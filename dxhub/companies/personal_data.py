"""A person's contact records at companies, in their data download and erasure (`accounts.personal_data`)."""

from __future__ import annotations

from typing import Any

from dxhub.accounts.personal_data import Section
from dxhub.companies.models import ContactPerson


def export_contacts(user: Any) -> list[dict[str, Any]]:
    contacts = ContactPerson.objects.filter(user=user).select_related("company")
    return [
        {"company": c.company.name, "name": c.name, "title": c.title, "email": c.email, "phone": c.phone}
        for c in contacts
    ]


def erase_contacts(user: Any) -> None:
    ContactPerson.objects.filter(user=user).delete()


SECTION = Section(export=export_contacts, erase=erase_contacts)
