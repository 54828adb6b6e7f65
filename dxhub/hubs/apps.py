from django.apps import AppConfig


class HubsConfig(AppConfig):
    name = "dxhub.hubs"
    label = "hubs"
    # Models whose every write django-auditlog records (dxhub.core.audit), with its options.
    audited: list[tuple[str, dict[str, object]]] = [
        ("Hub", {"m2m_fields": {"linked_hubs", "industries"}}),
    ]
