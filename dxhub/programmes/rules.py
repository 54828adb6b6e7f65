"""Who may start a call (django-rules); the object rules live in access.py."""

from __future__ import annotations

import rules

from dxhub.core.roles import is_ministry, is_operator

rules.add_perm("programmes.add_call", is_ministry | is_operator)
