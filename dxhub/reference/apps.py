from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "dxhub.reference"
    label = "reference"
