"""Stored shortlists: what the engine ranked for a need or a supplier, with its reasons."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MatchResult(models.Model):
    """One ranked pair, kept so pages and the API read shortlists without recomputing them.

    Refreshed by a background task whenever the need or the supplier changes.
    """

    class Direction(models.TextChoices):
        SUPPLIERS_FOR_NEED = "need", _("suppliers for a need")
        NEEDS_FOR_SUPPLIER = "supplier", _("needs for a supplier")

    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    need = models.ForeignKey("needs.Need", verbose_name=_("need"), on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey(
        "companies.Company", verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="+"
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.FloatField(_("score"))
    parts = models.JSONField(_("part scores"), default=dict)
    explanation = models.JSONField(_("explanation"), default=dict)
    computed_at = models.DateTimeField(_("computed"), auto_now=True)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["direction", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["direction", "need", "company"], name="one_result_per_pair")
        ]
        indexes = [
            models.Index(fields=["direction", "need", "rank"]),
            models.Index(fields=["direction", "company", "rank"]),
        ]

    def __str__(self) -> str:
        return f"{self.need_id} ↔ {self.company_id}: {self.score:.3f}"
