"""The collaboration journey: one record per need × supplier, from interest to a verified outcome.

The project-phase tables (proposals, agreement, milestones, outcome) are in `models_work.py`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dxhub.collab.models_work import (  # noqa: F401  (Django finds models through this module)
    Outcome,
    ProjectAgreement,
    ProjectMilestone,
    ProjectUpdate,
    ProposalComment,
    ProposalVersion,
)


class Side(models.TextChoices):
    DEMANDER = "demander", _("demander")
    SUPPLIER = "supplier", _("supplier")
    OPERATOR = "operator", _("hub operator")


class Collaboration(models.Model):
    """A demander's need and one supplier on their way from interest to a measured, verified result."""

    class Stage(models.TextChoices):
        INTEREST = "interest", _("interest")
        DECLINED = "declined", _("declined")
        MUTUAL = "mutual", _("mutual interest")
        MEETING = "meeting", _("meeting")
        PROPOSAL = "proposal", _("proposal")
        AGREEMENT = "agreement", _("agreement")
        PROJECT = "project", _("project")
        COMPLETED = "completed", _("completed")
        VERIFIED = "verified", _("verified outcome")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class DeclineReason(models.TextChoices):
        NOT_RELEVANT = "relevance", _("not relevant to our business")
        CAPABILITY = "capability", _("capabilities do not fit")
        BUDGET = "budget", _("budget does not fit")
        DISTANCE = "distance", _("too far away")
        TIMING = "timing", _("timing does not fit")
        CAPACITY = "capacity", _("no capacity now")
        OTHER = "other", _("other")

    class WithdrawReason(models.TextChoices):
        SOLVED_ELSEWHERE = "elsewhere", _("solved elsewhere")
        NO_FIT = "fit", _("not a good fit after all")
        BUDGET = "budget", _("budget or price")
        NO_RESPONSE = "silence", _("no response from the other side")
        PRIORITIES = "priorities", _("priorities changed")
        OTHER = "other", _("other")

    need = models.ForeignKey(
        "needs.Need", verbose_name=_("need"), on_delete=models.CASCADE, related_name="collaborations"
    )
    supplier = models.ForeignKey(
        "companies.Company",
        verbose_name=_("supplier"),
        on_delete=models.CASCADE,
        related_name="collaborations",
    )
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices, default=Stage.INTEREST)
    initiated_by = models.CharField(_("initiated by"), max_length=10, choices=Side.choices)
    interest_message = models.TextField(_("message with the interest"), blank=True)
    created_by = models.ForeignKey(
        "accounts.User", verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decline_reason = models.CharField(
        _("reason for declining"), max_length=12, choices=DeclineReason.choices, blank=True
    )
    decline_note = models.CharField(_("note on declining"), max_length=300, blank=True)
    withdraw_reason = models.CharField(
        _("reason for withdrawing"), max_length=12, choices=WithdrawReason.choices, blank=True
    )
    withdraw_note = models.CharField(_("note on withdrawing"), max_length=300, blank=True)
    withdrawn_by = models.CharField(_("withdrawn by"), max_length=10, choices=Side.choices, blank=True)
    withdrawn_from = models.CharField(
        _("withdrawn at stage"), max_length=12, choices=Stage.choices, blank=True
    )
    demander_interested_at = models.DateTimeField(_("demander interested"), null=True, blank=True)
    supplier_interested_at = models.DateTimeField(_("supplier interested"), null=True, blank=True)
    demander_read_at = models.DateTimeField(_("demander read up to"), null=True, blank=True)
    supplier_read_at = models.DateTimeField(_("supplier read up to"), null=True, blank=True)
    stage_changed_at = models.DateTimeField(_("in this stage since"), auto_now_add=True)
    mutual_at = models.DateTimeField(_("mutual interest"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["need", "supplier"], name="one_collaboration_per_pair")
        ]
        indexes = [models.Index(fields=["stage", "stage_changed_at"])]

    def __str__(self) -> str:
        return f"{self.need} ↔ {self.supplier}"

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES

    @property
    def is_mutual(self) -> bool:
        return self.mutual_at is not None


OPEN_STAGES = (
    Collaboration.Stage.INTEREST,
    Collaboration.Stage.MUTUAL,
    Collaboration.Stage.MEETING,
    Collaboration.Stage.PROPOSAL,
    Collaboration.Stage.AGREEMENT,
    Collaboration.Stage.PROJECT,
)


def message_path(instance: Message, filename: str) -> str:
    return f"collab/{instance.collaboration_id}/{filename}"


class Message(models.Model):
    """A message in the collaboration's conversation, open once interest is mutual."""

    collaboration = models.ForeignKey(
        Collaboration, verbose_name=_("collaboration"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        "accounts.User", verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    text = models.TextField(_("text"), blank=True)
    attachment = models.FileField(_("attachment"), upload_to=message_path, blank=True)
    attachment_name = models.CharField(_("attachment name"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:40] or self.attachment_name


class Meeting(models.Model):
    """A meeting between the two sides: proposed with one or more times, then accepted, held or cancelled."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        ACCEPTED = "accepted", pgettext_lazy("meeting", "accepted")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    class Mode(models.TextChoices):
        ONSITE = "onsite", _("on site")
        ONLINE = "online", _("online")

    collaboration = models.ForeignKey(
        Collaboration, verbose_name=_("collaboration"), on_delete=models.CASCADE, related_name="meetings"
    )
    proposed_by = models.CharField(_("proposed by"), max_length=10, choices=Side.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    mode = models.CharField(_("format"), max_length=8, choices=Mode.choices)
    location = models.CharField(_("address or link"), max_length=300)
    options = models.JSONField(_("proposed times"), default=list)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    agenda = models.TextField(_("agenda"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    next_steps = models.TextField(_("what next"), blank=True)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    sequence = models.PositiveSmallIntegerField(_("revision"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.collaboration_id}: {self.starts_at or self.options}"


class JourneyEvent(models.Model):
    """A labelled action on a need × supplier pair, kept to learn the matching weights from.

    Pairs that never became a collaboration (viewed, dismissed) have no collaboration row.
    """

    class Kind(models.TextChoices):
        VIEWED = "viewed", _("viewed")
        DISMISSED = "dismissed", _("dismissed")
        INTEREST = "interest", _("interest")
        BROKERED = "brokered", _("introduced by the hub")
        DECLINED = "declined", _("declined")
        MUTUAL = "mutual", _("mutual interest")
        MEETING_PROPOSED = "meeting_proposed", _("meeting proposed")
        MEETING_ACCEPTED = "meeting_accepted", _("meeting accepted")
        MEETING_CANCELLED = "meeting_cancelled", _("meeting cancelled")
        MEETING_HELD = "meeting_held", _("meeting held")
        PROPOSAL = "proposal", _("proposal")
        CHANGES_REQUESTED = "changes", _("changes requested")
        AGREEMENT = "agreement", _("agreement")
        PROJECT = "project", _("project started")
        COMPLETED = "completed", _("completed")
        VERIFIED = "verified", _("verified outcome")
        WITHDRAWN = "withdrawn", _("withdrawn")

    need = models.ForeignKey("needs.Need", verbose_name=_("need"), on_delete=models.CASCADE, related_name="+")
    supplier = models.ForeignKey(
        "companies.Company", verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="+"
    )
    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("collaboration"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    side = models.CharField(_("side"), max_length=10, choices=Side.choices, blank=True)
    actor = models.ForeignKey(
        "accounts.User", verbose_name=_("actor"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("journey event")
        verbose_name_plural = _("journey events")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["kind", "created_at"]), models.Index(fields=["need", "supplier"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.need_id} ↔ {self.supplier_id}"
