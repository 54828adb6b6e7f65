from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "dxhub.notifications"
    label = "notifications"
    verbose_name = "notifications"
