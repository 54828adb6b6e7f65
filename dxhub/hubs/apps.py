from django.apps import AppConfig


class HubsConfig(AppConfig):
    name = "dxhub.hubs"
    label = "hubs"
