from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "dxhub.programmes"
    label = "programmes"
    # Models whose every write django-auditlog records (dxhub.core.audit), with its options.
    audited: list[tuple[str, dict[str, object]]] = [
        ("Call", {"m2m_fields": {"hubs"}}),
        ("CallQuota", {}),
        ("RubricCriterion", {}),
        ("Application", {}),
        ("ApplicationMember", {}),
        ("BudgetLine", {}),
        ("ApplicationDocument", {}),
        ("Panel", {"m2m_fields": {"evaluators"}}),
        ("Conflict", {}),
        ("Review", {}),
        ("SelectionRun", {}),
        ("Agreement", {}),
        ("Milestone", {}),
        ("ChangeRequest", {}),
        ("LedgerEntry", {}),
        ("ProjectResult", {}),
        ("FollowUp", {}),
    ]
    verbose_name = _("hub programmes")
