"""Hub events: briefings, matchmaking days with 1:1 meetings, seminars and demo days."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Event(models.Model):
    """An event a hub (or several hubs together) runs, with registration and, for matchmaking days,
    time slots and tables for 1:1 meetings."""

    class Kind(models.TextChoices):
        BRIEFING = "briefing", _("tenant and relocation briefing")
        MATCHMAKING = "matchmaking", _("matchmaking day (1:1 meetings)")
        SEMINAR = "seminar", _("seminar or demo day")

    class Format(models.TextChoices):
        ONSITE = "onsite", _("on-site")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("hybrid")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("event status", "draft")
        OPEN = "open", _("registration open")
        CLOSED = "closed", _("registration closed")

    hub = models.ForeignKey(
        "hubs.Hub", verbose_name=_("host hub"), on_delete=models.PROTECT, related_name="events"
    )
    partner_hubs = models.ManyToManyField(
        "hubs.Hub", verbose_name=_("partner hubs"), blank=True, related_name="partner_events"
    )
    title = models.CharField(_("title"), max_length=150)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.BRIEFING)
    format = models.CharField(_("format"), max_length=8, choices=Format.choices, default=Format.ONSITE)
    description = models.TextField(_("description"), blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(
        _("capacity"), help_text=_("places; later registrations join the waitlist")
    )
    requires_approval = models.BooleanField(_("operator approval"), default=False)
    tables = models.PositiveSmallIntegerField(
        _("tables or online rooms"), default=0, help_text=_("for 1:1 meetings in each time slot")
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_code="event_times",
                violation_error_message=_("The event cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_matchmaking(self) -> bool:
        return self.kind == self.Kind.MATCHMAKING


class TimeSlot(models.Model):
    """One meeting round of a matchmaking day."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="slots")
    index = models.PositiveSmallIntegerField(_("number"))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        ordering = ["event", "index"]
        constraints = [models.UniqueConstraint(fields=["event", "index"], name="one_slot_per_index")]

    def __str__(self) -> str:
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"


class Question(models.Model):
    """A custom question the registration form asks."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="questions"
    )
    text = models.CharField(_("question"), max_length=200)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["event", "order", "id"]

    def __str__(self) -> str:
        return self.text


class Registration(models.Model):
    """A person's place at an event (or on its waitlist), their answers, check-in and, at relocation
    briefings, the lead for the hub's attraction work."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting approval")
        CONFIRMED = "confirmed", pgettext_lazy("registration status", "confirmed")
        WAITLISTED = "waitlisted", _("waitlisted")
        DECLINED = "declined", pgettext_lazy("registration status", "declined")
        CANCELLED = "cancelled", pgettext_lazy("registration status", "cancelled")

    class Space(models.TextChoices):
        NONE = "", _("not now")
        OFFICE = "office", _("office in the hub")
        FACTORY = "factory", _("factory or lab site")
        BOTH = "both", _("office and site")

    class Timing(models.TextChoices):
        NONE = "", _("undecided")
        HALF = "6m", _("within 6 months")
        YEAR = "12m", _("within a year")
        LATER = "later", _("later")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    company = models.ForeignKey(
        "companies.Company",
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    space_interest = models.CharField(_("interest in space"), max_length=8, choices=Space.choices, blank=True)
    move_timing = models.CharField(_("timing"), max_length=6, choices=Timing.choices, blank=True)
    lead_note = models.CharField(_("note for the hub"), max_length=300, blank=True)
    available_slots = models.ManyToManyField(
        TimeSlot, verbose_name=_("available slots"), blank=True, related_name="available"
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_person")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.event}"

    @property
    def holds_place(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.CONFIRMED)

    @property
    def display_name(self) -> str:
        return f"{self.user} ({self.company.name})" if self.company else str(self.user)


class MeetingRequest(models.Model):
    """One participant asks another for a 1:1 meeting at a matchmaking day, on the site or through a hub
    operator who enters it for them (`registered_by`)."""

    class Priority(models.IntegerChoices):
        MUST = 3, _("must meet")
        WOULD_LIKE = 1, _("would like to meet")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", pgettext_lazy("meeting request status", "accepted")
        DECLINED = "declined", pgettext_lazy("meeting request status", "declined")
        CANCELLED = "cancelled", pgettext_lazy("meeting request status", "cancelled")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="meeting_requests"
    )
    requester = models.ForeignKey(
        Registration, verbose_name=_("from"), on_delete=models.CASCADE, related_name="sent_requests"
    )
    recipient = models.ForeignKey(
        Registration, verbose_name=_("to"), on_delete=models.CASCADE, related_name="received_requests"
    )
    message = models.TextField(_("message"), blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.WOULD_LIKE
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    registered_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("registered by the hub"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("the operator who entered the request for the participants (mostly after a phone call)"),
    )

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["event", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["requester", "recipient"], name="one_request_per_direction"),
            models.CheckConstraint(
                condition=~models.Q(requester=models.F("recipient")), name="no_meeting_with_oneself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester.user} → {self.recipient.user}"

    @property
    def registrar_name(self) -> str:
        """The operator as the participants read it: their name, else their hub, never their email."""
        who = self.registered_by
        if who is None:
            return ""
        return who.name or (who.hub.name if who.hub is not None else "")


class ScheduledMeeting(models.Model):
    """An accepted request placed in a time slot at a table by the scheduler (or fixed by an operator)."""

    request = models.OneToOneField(
        MeetingRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="scheduled"
    )
    slot = models.ForeignKey(
        TimeSlot, verbose_name=_("time slot"), on_delete=models.CASCADE, related_name="meetings"
    )
    table = models.PositiveSmallIntegerField(_("table"))
    locked = models.BooleanField(_("locked"), default=False, help_text=_("a re-run does not move it"))

    class Meta:
        verbose_name = _("scheduled meeting")
        verbose_name_plural = _("scheduled meetings")
        ordering = ["slot__index", "table"]
        constraints = [models.UniqueConstraint(fields=["slot", "table"], name="one_meeting_per_table")]

    def __str__(self) -> str:
        return f"{self.request} · {self.slot} · {self.table}"


class ScheduleRun(models.Model):
    """One run of the scheduler: what it achieved and what it could prove."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="schedule_runs"
    )
    ran_by = models.ForeignKey(
        "accounts.User", verbose_name=_("run by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    mode = models.CharField(_("mode"), max_length=8)
    meetings = models.PositiveIntegerField(_("meetings"))
    weight = models.PositiveIntegerField(_("weighted meetings"))
    bound = models.PositiveIntegerField(_("upper bound"))
    status = models.CharField(_("result"), max_length=10)
    seconds = models.FloatField(_("seconds"))
    ran_at = models.DateTimeField(_("run at"), auto_now_add=True)

    class Meta:
        verbose_name = _("schedule run")
        verbose_name_plural = _("schedule runs")
        ordering = ["-ran_at", "-id"]

    def __str__(self) -> str:
        return f"{self.event} {self.ran_at:%Y-%m-%d %H:%M}"


class Feedback(models.Model):
    """A participant's answer to the short satisfaction survey after the event."""

    registration = models.OneToOneField(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(
        _("satisfaction"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("answered"), auto_now=True)

    class Meta:
        verbose_name = _("satisfaction answer")
        verbose_name_plural = _("satisfaction answers")

    def __str__(self) -> str:
        return f"{self.registration} {self.rating}"


class MeetingOutcome(models.Model):
    """ "Did this meeting lead somewhere?", one answer per side of a held meeting; wanting to work
    together on a need opens (or advances) the collaboration journey for that need and supplier."""

    class Result(models.TextChoices):
        NONE = "none", _("not for now")
        FOLLOW_UP = "follow_up", _("we keep talking")
        COLLABORATION = "collab", _("we want to work together on a need")

    request = models.ForeignKey(
        MeetingRequest, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="outcomes"
    )
    registration = models.ForeignKey(
        Registration, verbose_name=_("answered by"), on_delete=models.CASCADE, related_name="+"
    )
    result = models.CharField(_("result"), max_length=10, choices=Result.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    collaboration = models.ForeignKey(
        "collab.Collaboration",
        verbose_name=_("collaboration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("answered"), auto_now=True)

    class Meta:
        verbose_name = _("meeting outcome")
        verbose_name_plural = _("meeting outcomes")
        constraints = [
            models.UniqueConstraint(fields=["request", "registration"], name="one_outcome_per_side")
        ]

    def __str__(self) -> str:
        return f"{self.request} {self.result}"
