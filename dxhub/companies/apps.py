from django.apps import AppConfig


class CompaniesConfig(AppConfig):
    name = "dxhub.companies"
    label = "companies"
