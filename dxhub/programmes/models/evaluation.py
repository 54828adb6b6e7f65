"""Panels, evaluators' reviews, declared conflicts, and the stored selection runs."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Panel(models.Model):
    """The evaluators of one stage of a call (document review, then presentation)."""

    class Stage(models.TextChoices):
        DOCUMENT = "document", _("document review")
        PRESENTATION = "presentation", _("presentation review")

    call = models.ForeignKey(
        "programmes.Call", verbose_name=_("call"), on_delete=models.CASCADE, related_name="panels"
    )
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    evaluators = models.ManyToManyField("accounts.User", verbose_name=_("evaluators"), related_name="panels")
    per_application = models.PositiveSmallIntegerField(_("evaluators per application"), default=3)
    assigned_at = models.DateTimeField(_("assigned"), null=True, blank=True)

    class Meta:
        verbose_name = _("panel")
        verbose_name_plural = _("panels")
        constraints = [models.UniqueConstraint(fields=["call", "stage"], name="one_panel_per_stage")]

    def __str__(self) -> str:
        return f"{self.call} · {self.get_stage_display()}"


class Conflict(models.Model):
    """A conflict of interest an evaluator declared with a company: never assigned its applications."""

    evaluator = models.ForeignKey(
        "accounts.User", verbose_name=_("evaluator"), on_delete=models.CASCADE, related_name="+"
    )
    company = models.ForeignKey(
        "companies.Company", verbose_name=_("company"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("declared conflict")
        verbose_name_plural = _("declared conflicts")
        constraints = [models.UniqueConstraint(fields=["evaluator", "company"], name="conflict_once")]

    def __str__(self) -> str:
        return f"{self.evaluator} × {self.company}"


class Review(models.Model):
    """One evaluator's scoring of one application in one panel: points per criterion and a comment."""

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("to score")
        SUBMITTED = "submitted", _("submitted")
        REOPENED = "reopened", _("reopened by the operator")

    panel = models.ForeignKey(
        Panel, verbose_name=_("panel"), on_delete=models.CASCADE, related_name="reviews"
    )
    application = models.ForeignKey(
        "programmes.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    evaluator = models.ForeignKey(
        "accounts.User", verbose_name=_("evaluator"), on_delete=models.PROTECT, related_name="reviews"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ASSIGNED)
    points = models.JSONField(_("points per criterion"), default=dict, blank=True)
    total = models.DecimalField(_("total"), max_digits=6, decimal_places=2, null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["panel", "application", "evaluator"], name="review_once")
        ]

    def __str__(self) -> str:
        return f"{self.application} · {self.evaluator}"

    @property
    def editable(self) -> bool:
        return self.status != self.Status.SUBMITTED


class SelectionRun(models.Model):
    """One run of the optimiser beside the greedy pick, as shown to the operator; `confirmed` when decided."""

    call = models.ForeignKey(
        "programmes.Call", verbose_name=_("call"), on_delete=models.CASCADE, related_name="selection_runs"
    )
    method = models.CharField(_("aggregation used"), max_length=10)
    status = models.CharField(_("optimiser status"), max_length=12)
    chosen = models.JSONField(_("selected (optimal)"), default=list)
    greedy = models.JSONField(_("selected (greedy)"), default=list)
    total_score = models.DecimalField(_("total score"), max_digits=10, decimal_places=2, default=0)
    greedy_score = models.DecimalField(_("greedy total score"), max_digits=10, decimal_places=2, default=0)
    total_amount = models.BigIntegerField(_("money (optimal)"), default=0)
    greedy_amount = models.BigIntegerField(_("money (greedy)"), default=0)
    explanation = models.JSONField(_("explanation"), default=dict)
    seconds = models.FloatField(_("seconds"), default=0)
    confirmed = models.BooleanField(_("confirmed"), default=False)
    created_by = models.ForeignKey(
        "accounts.User", verbose_name=_("run by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("selection run")
        verbose_name_plural = _("selection runs")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.call} · {self.created_at:%Y-%m-%d %H:%M}"
