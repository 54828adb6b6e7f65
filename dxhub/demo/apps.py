from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "dxhub.demo"
    label = "demo"
