from django.apps import AppConfig


class MatchesConfig(AppConfig):
    name = "dxhub.matches"
    label = "matches"
