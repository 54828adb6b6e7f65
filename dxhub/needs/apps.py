from django.apps import AppConfig


class NeedsConfig(AppConfig):
    name = "dxhub.needs"
    label = "needs"
    # Models whose every write django-auditlog records (dxhub.core.audit), with its options.
    audited: list[tuple[str, dict[str, object]]] = [
        ("Need", {"exclude_fields": ["search_text"], "m2m_fields": {"required_capabilities"}}),
        ("NeedAttachment", {}),
    ]

    def ready(self) -> None:
        from dxhub.companies.panels import COMPANY_PANELS
        from dxhub.hubs.figures import HUB_FIGURES
        from dxhub.needs import figures, panels

        HUB_FIGURES.add("needs", figures.SOURCE)
        COMPANY_PANELS.add("needs", panels.PANEL)
