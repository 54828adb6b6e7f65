from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "dxhub.events"
    label = "events"
    # Models whose every write django-auditlog records (dxhub.core.audit), with its options.
    audited: list[tuple[str, dict[str, object]]] = [
        ("Event", {"m2m_fields": {"partner_hubs"}}),
        ("Question", {}),
        ("Registration", {"exclude_fields": ["updated_at"]}),
        ("MeetingRequest", {}),
        ("ScheduledMeeting", {}),
        ("ScheduleRun", {}),
        ("Feedback", {}),
        ("MeetingOutcome", {}),
    ]
