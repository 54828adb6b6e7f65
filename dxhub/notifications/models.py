"""In-app notifications with an email copy, and each person's choices per kind."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What a notification asks of its reader. Each kind can be switched on or off per channel."""

    INTEREST = "interest", _("someone is interested in working with you")
    ANSWER = "answer", _("an answer to your interest")
    MESSAGE = "message", _("a new message")
    MEETING = "meeting", _("a meeting to answer or that changed")
    PROPOSAL = "proposal", _("a proposal to review or an answer to yours")
    AGREEMENT = "agreement", _("an agreement to confirm")
    PROJECT = "project", _("project news")
    OUTCOME = "outcome", _("an outcome to rate or verify")
    WITHDRAWN = "withdrawn", _("a collaboration was withdrawn")


class Notification(models.Model):
    """One thing a person should look at. The text never carries contact details or private data."""

    recipient = models.ForeignKey(
        "accounts.User", verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    text = models.CharField(_("text"), max_length=300)
    link = models.CharField(_("link"), max_length=300, blank=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.text


class Preference(models.Model):
    """A person's choice for one kind: in the app, by email at once, or in the daily digest."""

    class Email(models.TextChoices):
        IMMEDIATE = "now", _("at once")
        DIGEST = "digest", _("in the daily digest")
        NEVER = "never", _("never")

    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    in_app = models.BooleanField(_("in the app"), default=True)
    email = models.CharField(_("email"), max_length=8, choices=Email.choices, default=Email.IMMEDIATE)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.kind}"
