"""Every write to a domain model is recorded by django-auditlog: who, when, what changed.

Each app names its audited models in its AppConfig (`audited = [("Need", {...})]`).
"""

from __future__ import annotations

from auditlog.registry import auditlog
from django.apps import apps


def register_audited_models() -> None:
    """Registers what each app lists in its AppConfig's `audited`: (model name, auditlog options).

    Every app config is loaded before any ready() runs, so core (the first app) can read them all.
    """
    for config in apps.get_app_configs():
        for model_name, options in getattr(config, "audited", ()):
            model = config.get_model(model_name)
            if not auditlog.contains(model):
                auditlog.register(model, **options)


def describe_changes(changes: dict[str, object]) -> str:
    """One line per changed field. auditlog's own `changes_str` breaks on many-to-many entries."""
    parts = []
    for field, change in changes.items():
        if isinstance(change, dict):  # many-to-many: {"type": "m2m", "operation": ..., "objects": [...]}
            objects = ", ".join(str(o) for o in change.get("objects", []))
            parts.append(f"{field} {change.get('operation', '')}: {objects}")
        elif isinstance(change, list | tuple) and len(change) == 2:
            parts.append(f"{field}: {change[0]} → {change[1]}")
        else:
            parts.append(f"{field}: {change}")
    return "; ".join(parts)
