from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "dxhub.reference"
    label = "reference"
    # Models whose every write django-auditlog records (dxhub.core.audit), with its options.
    audited: list[tuple[str, dict[str, object]]] = [
        ("Capability", {}),
    ]
