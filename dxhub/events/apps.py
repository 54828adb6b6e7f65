from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "dxhub.events"
    label = "events"
