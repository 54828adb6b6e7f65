"""Digital innovation hubs (디지털 혁신거점)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Hub(models.Model):
    """A regional digital innovation hub, its specialisations, the industries it serves and its partners."""

    slug = models.SlugField(_("identifier"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=80, unique=True)
    name_en = models.CharField(_("English name"), max_length=80, blank=True)
    region = models.ForeignKey(
        "reference.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="hubs"
    )
    specialisations = models.TextField(
        _("specialisations"), blank=True, help_text=_("One per line, e.g. AI semiconductors.")
    )
    industries = models.ManyToManyField(
        "reference.KsicCode", verbose_name=_("industries served"), blank=True, related_name="hubs"
    )
    linked_hubs = models.ManyToManyField("self", verbose_name=_("linked hubs"), blank=True, symmetrical=True)
    description = models.TextField(_("description"), blank=True)
    budget_won = models.BigIntegerField(_("programme budget (won)"), default=6_300_000_000)
    shared_office_rooms = models.PositiveIntegerField(_("shared office rooms"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("hub")
        verbose_name_plural = _("hubs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def specialisation_list(self) -> list[str]:
        return [line.strip() for line in self.specialisations.splitlines() if line.strip()]
