"""What the needs app announces (see `dxhub.core.hooks`); matching subscribes to refresh shortlists."""

from dxhub.core.hooks import Hook

# A need was created, edited, published, closed or reopened: payload `need_id`.
need_saved = Hook("need_saved")
