from django.apps import AppConfig


class NeedsConfig(AppConfig):
    name = "dxhub.needs"
    label = "needs"
