from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The top floor: what looks across apps (dashboards, the API root, cross-app commands)."""

    name = "dxhub.site"
    label = "site"
    verbose_name = "dxhub"
