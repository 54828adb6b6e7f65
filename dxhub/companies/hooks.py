"""What the companies app announces (see `dxhub.core.hooks`); matching subscribes to re-rank."""

from dxhub.core.hooks import Hook

# A company profile (fields, codes, capabilities) was created or edited: payload `company_id`.
company_saved = Hook("company_saved")

# Many companies were written at once (an import): payload `created`, `updated` (counts).
companies_bulk_saved = Hook("companies_bulk_saved")
