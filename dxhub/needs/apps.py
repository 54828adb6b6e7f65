from django.apps import AppConfig


class NeedsConfig(AppConfig):
    name = "dxhub.needs"
    label = "needs"

    def ready(self) -> None:
        from dxhub.companies.panels import COMPANY_PANELS
        from dxhub.hubs.figures import HUB_FIGURES
        from dxhub.needs import figures, panels

        HUB_FIGURES.add("needs", figures.SOURCE)
        COMPANY_PANELS.add("needs", panels.PANEL)
