from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "dxhub.core"
    label = "core"

    def ready(self) -> None:
        from dxhub.core.audit import register_audited_models

        register_audited_models()
