from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "dxhub.notifications"
    label = "notifications"
    # Models whose every write django-auditlog records (dxhub.core.audit), with its options.
    audited: list[tuple[str, dict[str, object]]] = [
        ("Preference", {}),
    ]
    verbose_name = "notifications"
