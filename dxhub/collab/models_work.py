"""The working part of a collaboration: proposal versions, the agreement, the project and its outcome."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

SIDES = [("demander", _("demander")), ("supplier", _("supplier")), ("operator", _("hub operator"))]
RATING = [MinValueValidator(1), MaxValueValidator(5)]


class ProposalVersion(models.Model):
    """One version of the supplier's proposal against the need: scope, deliverables, schedule and price."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        CHANGES_REQUESTED = "changes", _("changes requested")
        ACCEPTED = "accepted", pgettext_lazy("proposal", "accepted")
        SUPERSEDED = "superseded", _("superseded")

    collaboration = models.ForeignKey(
        "collab.Collaboration",
        verbose_name=_("collaboration"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    number = models.PositiveSmallIntegerField(_("version"))
    scope = models.TextField(_("scope"))
    deliverables = models.TextField(_("deliverables"))
    schedule = models.TextField(_("schedule"))
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"))
    price = models.BigIntegerField(_("price (won)"), validators=[MinValueValidator(0)])
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    decision_note = models.CharField(_("note on the decision"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("proposal version")
        verbose_name_plural = _("proposal versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["collaboration", "number"], name="one_proposal_number")
        ]

    def __str__(self) -> str:
        return f"v{self.number}"


class ProposalComment(models.Model):
    """A comment from either side on one proposal version."""

    proposal = models.ForeignKey(
        ProposalVersion, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        "accounts.User", verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    side = models.CharField(_("side"), max_length=10, choices=SIDES)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("proposal comment")
        verbose_name_plural = _("proposal comments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:40]


class ProjectAgreement(models.Model):
    """The accepted proposal, confirmed by both sides. One per collaboration.

    Not the programme's 협약 (`programmes.Agreement`): this is the two companies' own deal on a project.
    """

    collaboration = models.OneToOneField(
        "collab.Collaboration",
        verbose_name=_("collaboration"),
        on_delete=models.CASCADE,
        related_name="agreement",
    )
    proposal = models.ForeignKey(
        ProposalVersion, verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="+"
    )
    price = models.BigIntegerField(_("price (won)"))
    demander_confirmed_at = models.DateTimeField(_("confirmed by the demander"), null=True, blank=True)
    supplier_confirmed_at = models.DateTimeField(_("confirmed by the supplier"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("project contract")
        verbose_name_plural = _("project contracts")

    def __str__(self) -> str:
        return f"{self.collaboration_id}: {self.price}"

    @property
    def confirmed(self) -> bool:
        return self.demander_confirmed_at is not None and self.supplier_confirmed_at is not None


class ProjectMilestone(models.Model):
    """A milestone of the two companies' project with its deliverable (not a programme payment milestone)."""

    collaboration = models.ForeignKey(
        "collab.Collaboration",
        verbose_name=_("collaboration"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    title = models.CharField(_("title"), max_length=150)
    deliverable = models.CharField(_("deliverable"), max_length=200, blank=True)
    due = models.DateField(_("due"), null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("project milestone")
        verbose_name_plural = _("project milestones")
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.title


class ProjectUpdate(models.Model):
    """A status update on the project, from either side."""

    collaboration = models.ForeignKey(
        "collab.Collaboration",
        verbose_name=_("collaboration"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    author = models.ForeignKey(
        "accounts.User", verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    side = models.CharField(_("side"), max_length=10, choices=SIDES)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:40]


class Outcome(models.Model):
    """The measured result: the need's target KPI against what was achieved, both sides' ratings, verification."""

    collaboration = models.OneToOneField(
        "collab.Collaboration",
        verbose_name=_("collaboration"),
        on_delete=models.CASCADE,
        related_name="outcome",
    )
    target_kpi = models.CharField(_("target KPI"), max_length=200, blank=True)
    achieved_kpi = models.CharField(_("achieved KPI"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    demander_rating = models.PositiveSmallIntegerField(
        _("demander's rating of the supplier"), null=True, blank=True, validators=RATING
    )
    demander_review = models.TextField(_("demander's review"), blank=True)
    supplier_rating = models.PositiveSmallIntegerField(
        _("supplier's rating of the demander"), null=True, blank=True, validators=RATING
    )
    supplier_review = models.TextField(_("supplier's review"), blank=True)
    verified_by = models.ForeignKey(
        "accounts.User", verbose_name=_("verified by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verification_note = models.CharField(_("verification note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self) -> str:
        return f"{self.target_kpi} → {self.achieved_kpi}"
