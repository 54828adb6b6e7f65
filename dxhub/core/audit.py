"""Every write to a domain model is recorded by django-auditlog: who, when, what changed."""

from __future__ import annotations

from auditlog.registry import auditlog
from django.apps import apps

AUDITED = [
    ("reference", "Capability", {}),
    ("hubs", "Hub", {"m2m_fields": {"industries", "linked_hubs"}}),
    ("accounts", "User", {"exclude_fields": ["password", "last_login"]}),
    ("accounts", "Invitation", {"exclude_fields": ["token"]}),
    ("accounts", "ApiToken", {"exclude_fields": ["key_hash", "last_used_at"]}),
    (
        "companies",
        "Company",
        {"exclude_fields": ["search_text"], "m2m_fields": {"ksic_codes", "capabilities"}},
    ),
    ("companies", "ContactPerson", {}),
    ("companies", "Solution", {}),
    ("companies", "ProjectReference", {}),
    ("companies", "Certification", {}),
    ("companies", "ContactConsent", {}),
    ("needs", "Need", {"exclude_fields": ["search_text"], "m2m_fields": {"required_capabilities"}}),
    ("needs", "NeedAttachment", {}),
    ("imports", "ImportJob", {"exclude_fields": ["content"]}),
    ("programmes", "Call", {"m2m_fields": {"hubs"}}),
    ("programmes", "CallQuota", {}),
    ("programmes", "RubricCriterion", {}),
    ("programmes", "Application", {}),
    ("programmes", "ApplicationMember", {}),
    ("programmes", "BudgetLine", {}),
    ("programmes", "ApplicationDocument", {}),
    ("programmes", "Panel", {"m2m_fields": {"evaluators"}}),
    ("programmes", "Conflict", {}),
    ("programmes", "Review", {}),
    ("programmes", "SelectionRun", {}),
    ("programmes", "Agreement", {}),
    ("programmes", "Milestone", {}),
    ("programmes", "ChangeRequest", {}),
    ("programmes", "LedgerEntry", {}),
    ("programmes", "ProjectResult", {}),
    ("programmes", "FollowUp", {}),
    ("collab", "Collaboration", {"exclude_fields": ["demander_read_at", "supplier_read_at"]}),
    ("collab", "Meeting", {}),
    ("collab", "ProposalVersion", {}),
    ("collab", "ProjectAgreement", {}),
    ("collab", "ProjectMilestone", {}),
    ("collab", "Outcome", {}),
    ("notifications", "Preference", {}),
    ("events", "Event", {"m2m_fields": {"partner_hubs"}}),
    ("events", "Question", {}),
    ("events", "Registration", {"exclude_fields": ["updated_at"]}),
    ("events", "MeetingRequest", {}),
    ("events", "ScheduledMeeting", {}),
    ("events", "ScheduleRun", {}),
    ("events", "Feedback", {}),
    ("events", "MeetingOutcome", {}),
]


def register_audited_models() -> None:
    for app_label, model_name, options in AUDITED:
        model = apps.get_model(app_label, model_name)
        if not auditlog.contains(model):
            auditlog.register(model, **options)  # type: ignore[arg-type]


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
