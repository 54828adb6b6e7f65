from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "dxhub.imports"
    label = "imports"
    # Models whose every write django-auditlog records (dxhub.core.audit), with its options.
    audited: list[tuple[str, dict[str, object]]] = [
        ("ImportJob", {"exclude_fields": ["content"]}),
    ]
