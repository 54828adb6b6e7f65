"""What the needs app announces (see `dxhub.core.hooks`); matching subscribes to refresh shortlists."""

from dxhub.core.hooks import Hook

# A need was created, edited, published, closed or reopened: payload `need_id`.
need_saved = Hook("need_saved")

# Many needs were written at once (an import): payload `created`, `updated` (counts).
needs_bulk_saved = Hook("needs_bulk_saved")
