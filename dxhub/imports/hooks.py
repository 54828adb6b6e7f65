"""What imports announce (see `dxhub.core.hooks`)."""

from dxhub.core.hooks import Hook

# An import committed rows of `kind` ("companies" or "needs"): payload `kind`, `created`, `updated`.
rows_imported = Hook("rows_imported")
