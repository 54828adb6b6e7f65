from django.apps import AppConfig


class CollabConfig(AppConfig):
    name = "dxhub.collab"
    label = "collab"
    verbose_name = "collaboration journey"
