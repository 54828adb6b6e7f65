from django.apps import AppConfig


class CompaniesConfig(AppConfig):
    name = "dxhub.companies"
    label = "companies"

    def ready(self) -> None:
        from dxhub.accounts.personal_data import PERSONAL_DATA
        from dxhub.companies import figures, personal_data
        from dxhub.hubs.figures import HUB_FIGURES

        HUB_FIGURES.add("companies", figures.SOURCE)
        PERSONAL_DATA.add("contact_records", personal_data.SECTION)
