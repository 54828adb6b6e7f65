"""Demo accounts for every role, with one published password, created or repaired on each run."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.hashers import check_password, is_password_usable, make_password
from django.db import transaction

from dxhub.accounts.models import User
from dxhub.companies.models import Company, ContactPerson
from dxhub.hubs.models import Hub

DEMO_PASSWORD = "dxhub-demo-2026"


@dataclass(frozen=True, slots=True)
class AccountSpec:
    """Who a demo account is: a staff role with a hub, or a member of one of the persona companies."""

    email: str
    role: str
    name: str = ""
    hub: str = ""
    persona: str = ""  # "demander", "supplier" or "ochang": the generator marks those companies
    contact: int = 0  # which of the company's contacts this member is
    owner: bool = False


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """A row of the table the demo command prints."""

    email: str
    role: str
    where: str
    password: str


ACCOUNTS: tuple[AccountSpec, ...] = (
    AccountSpec("ministry@dxhub.kr", User.Role.MINISTRY, name="이서영"),
    AccountSpec("operator.changwon@dxhub.kr", User.Role.OPERATOR, name="정태윤", hub="changwon"),
    AccountSpec("operator.ochang@dxhub.kr", User.Role.OPERATOR, name="한지수", hub="ochang"),
    AccountSpec("operator.busan@dxhub.kr", User.Role.OPERATOR, name="최민석", hub="busan-centum"),
    AccountSpec("operator.daegu@dxhub.kr", User.Role.OPERATOR, name="윤하늘", hub="daegu-suseong"),
    AccountSpec("demander@dxhub.kr", User.Role.MEMBER, persona="demander", contact=0, owner=True),
    AccountSpec("colleague@dxhub.kr", User.Role.MEMBER, persona="demander", contact=1),
    AccountSpec("supplier@dxhub.kr", User.Role.MEMBER, persona="supplier", contact=0, owner=True),
    AccountSpec("ochang.member@dxhub.kr", User.Role.MEMBER, persona="ochang", contact=0, owner=True),
    AccountSpec("evaluator@dxhub.kr", User.Role.EVALUATOR, name="임도현"),
)


class _Passwords:
    """Hashes the demo password once per run and checks each stored hash once.

    PBKDF2 takes about half a second here; ten accounts hashed and checked separately would add
    ten seconds to every run.
    """

    def __init__(self) -> None:
        self._hash = ""
        self._checked: dict[str, bool] = {}

    def encoded(self) -> str:
        if not self._hash:
            self._hash = make_password(DEMO_PASSWORD)
        return self._hash

    def is_demo(self, encoded: str) -> bool:
        if encoded == self._hash:
            return True
        if not is_password_usable(encoded):
            return False  # check_password would run a dummy hash to hide timing; no need here
        if encoded not in self._checked:
            self._checked[encoded] = check_password(DEMO_PASSWORD, encoded)
        return self._checked[encoded]


def _member_contact(company: Company, spec: AccountSpec) -> ContactPerson:
    """The company's n-th contact, created when the company has fewer (e.g. an edited demo company)."""
    contacts = list(company.contacts.order_by("-is_primary", "id"))
    if spec.contact < len(contacts):
        return contacts[spec.contact]
    return ContactPerson.objects.create(
        company=company, name="데모 담당자", email=spec.email, is_primary=not contacts
    )


@transaction.atomic
def ensure_demo_accounts(personas: dict[str, str]) -> list[DemoAccount]:
    """Creates the demo accounts or puts them back as they should be; returns the table to print.

    `personas` maps "demander"/"supplier"/"ochang" to the BRN of the company the generator picked.
    A member whose company is missing (a very small demo set) is skipped, and shown as such.
    """
    hubs = {h.slug: h for h in Hub.objects.all()}
    passwords = _Passwords()
    table: list[DemoAccount] = []
    for spec in ACCOUNTS:
        company = contact = None
        if spec.persona:
            company = Company.objects.filter(brn=personas.get(spec.persona, "")).first()
            if company is None:
                table.append(DemoAccount(spec.email, spec.role, "(skipped: no such company)", ""))
                continue
            contact = _member_contact(company, spec)
        user = User.objects.filter(email=spec.email).first()
        if user is None:
            # No password here: the shared hash below saves half a second of PBKDF2 per account.
            user = User.objects.create_user(spec.email, None)
            user.password = passwords.encoded()
        elif not passwords.is_demo(user.password):
            user.password = passwords.encoded()
        user.role = spec.role
        user.name = contact.name if contact else spec.name
        user.phone = contact.phone if contact else ""
        user.hub = hubs.get(spec.hub) if spec.hub else None
        user.company = company
        user.is_company_owner = spec.owner
        user.is_active = True
        user.save()
        if contact is not None:
            ContactPerson.objects.filter(user=user).exclude(pk=contact.pk).update(user=None)
            if contact.user_id != user.pk:
                contact.user = user
                contact.save(update_fields=["user"])
        where = company.name if company else (user.hub.name if user.hub else "-")
        table.append(DemoAccount(spec.email, spec.role, where, DEMO_PASSWORD))
    return table
