"""Who may do what to a need (django-rules). The matching queryset is in access.py."""

from __future__ import annotations

from typing import Any

import rules

from dxhub.core.roles import is_ministry


@rules.predicate
def operates_need_hub(user: Any, need: Any) -> bool:
    return bool(getattr(user, "is_operator", False) and need is not None and need.hub_id == user.hub_id)


@rules.predicate
def belongs_to_need_company(user: Any, need: Any) -> bool:
    return bool(getattr(user, "is_member", False) and need is not None and need.company_id == user.company_id)


@rules.predicate
def is_demander_member(user: Any) -> bool:
    return bool(getattr(user, "is_member", False) and user.company.is_demander)


rules.add_perm("needs.change_need", is_ministry | operates_need_hub | belongs_to_need_company)
rules.add_perm("needs.add_need", is_demander_member)
# A need's shortlist is the demander's and its hub's business, not other suppliers'.
rules.add_perm("needs.view_matches", is_ministry | operates_need_hub | belongs_to_need_company)
