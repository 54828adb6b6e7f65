from django.apps import AppConfig


class CollabConfig(AppConfig):
    name = "dxhub.collab"
    label = "collab"
    # Models whose every write django-auditlog records (dxhub.core.audit), with its options.
    audited: list[tuple[str, dict[str, object]]] = [
        ("Collaboration", {"exclude_fields": ["demander_read_at", "supplier_read_at"]}),
        ("Meeting", {}),
        ("ProposalVersion", {}),
        ("ProjectAgreement", {}),
        ("ProjectMilestone", {}),
        ("Outcome", {}),
    ]
    verbose_name = "collaboration journey"
