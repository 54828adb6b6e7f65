from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "dxhub.imports"
    label = "imports"
