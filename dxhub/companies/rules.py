"""Who may do what to a company (django-rules). Querysets live in access.py beside these."""

from __future__ import annotations

from typing import Any

import rules

from dxhub.core.roles import is_ministry, is_operator


@rules.predicate
def operates_company_hub(user: Any, company: Any) -> bool:
    return bool(getattr(user, "is_operator", False) and company is not None and company.hub_id == user.hub_id)


@rules.predicate
def belongs_to_company(user: Any, company: Any) -> bool:
    return bool(getattr(user, "is_member", False) and company is not None and company.pk == user.company_id)


@rules.predicate
def owns_company(user: Any, company: Any) -> bool:
    return bool(belongs_to_company(user, company) and user.is_company_owner)


rules.add_perm("companies.view_company", rules.is_authenticated)
rules.add_perm("companies.change_company", is_ministry | operates_company_hub | belongs_to_company)
rules.add_perm("companies.add_company", is_ministry | is_operator)
rules.add_perm("companies.invite_member", is_ministry | operates_company_hub | owns_company)
rules.add_perm("companies.view_audit", is_ministry | operates_company_hub | owns_company)
rules.add_perm("companies.view_recommendations", is_ministry | operates_company_hub | belongs_to_company)
