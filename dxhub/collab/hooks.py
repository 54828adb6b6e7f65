"""What the collaboration journey announces (see `dxhub.core.hooks`)."""

from dxhub.core.hooks import Hook

# A supplier's track record changed (an outcome was verified): payload `company_id`.
track_record_changed = Hook("track_record_changed")
