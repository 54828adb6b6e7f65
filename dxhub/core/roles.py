"""Role predicates shared by every app's rules (django-rules)."""

from __future__ import annotations

from typing import Any

import rules


@rules.predicate
def is_ministry(user: Any) -> bool:
    return bool(getattr(user, "is_ministry", False))


@rules.predicate
def is_operator(user: Any) -> bool:
    return bool(getattr(user, "is_operator", False))


@rules.predicate
def is_member(user: Any) -> bool:
    return bool(getattr(user, "is_member", False))


@rules.predicate
def is_evaluator(user: Any) -> bool:
    return bool(getattr(user, "is_evaluator", False))
