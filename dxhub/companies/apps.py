from django.apps import AppConfig


class CompaniesConfig(AppConfig):
    name = "dxhub.companies"
    label = "companies"
    # Models whose every write django-auditlog records (dxhub.core.audit), with its options.
    audited: list[tuple[str, dict[str, object]]] = [
        ("Company", {"exclude_fields": ["search_text"], "m2m_fields": {"capabilities", "ksic_codes"}}),
        ("ContactPerson", {}),
        ("Solution", {}),
        ("ProjectReference", {}),
        ("Certification", {}),
        ("ContactConsent", {}),
    ]

    def ready(self) -> None:
        from dxhub.accounts.personal_data import PERSONAL_DATA
        from dxhub.companies import figures, personal_data
        from dxhub.hubs.figures import HUB_FIGURES

        HUB_FIGURES.add("companies", figures.SOURCE)
        PERSONAL_DATA.add("contact_records", personal_data.SECTION)
