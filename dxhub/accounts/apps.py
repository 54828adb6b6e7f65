from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "dxhub.accounts"
    label = "accounts"
    # Models whose every write django-auditlog records (dxhub.core.audit), with its options.
    audited: list[tuple[str, dict[str, object]]] = [
        ("User", {"exclude_fields": ["password", "last_login"]}),
        ("Invitation", {"exclude_fields": ["token"]}),
        ("ApiToken", {"exclude_fields": ["key_hash", "last_used_at"]}),
    ]
