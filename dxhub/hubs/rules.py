from __future__ import annotations

from typing import Any

import rules

from dxhub.core.roles import is_ministry, is_operator


@rules.predicate
def operates_hub(user: Any, hub: Any) -> bool:
    return bool(getattr(user, "is_operator", False) and hub is not None and hub.pk == user.hub_id)


rules.add_perm("hubs.add_hub", is_ministry | is_operator)
rules.add_perm("hubs.change_hub", is_ministry | operates_hub)
rules.add_perm("hubs.import_data", is_ministry | is_operator)
