"""Reference data: industry codes, administrative regions and the technology taxonomy."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class KsicCode(models.Model):
    """A node of the KSIC 10th revision tree (section, division, group, class or 5-digit sub-class)."""

    class Level(models.IntegerChoices):
        SECTION = 1, _("section")
        DIVISION = 2, _("division")
        GROUP = 3, _("group")
        CLASS = 4, _("class")
        SUBCLASS = 5, _("sub-class")

    code = models.CharField(_("code"), max_length=6, primary_key=True)
    name = models.CharField(_("name"), max_length=200)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    section = models.CharField(_("section"), max_length=1, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )

    class Meta:
        verbose_name = _("KSIC code")
        verbose_name_plural = _("KSIC codes")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def path(self) -> list[str]:
        """Codes from the section down to this node, e.g. ['C', '26', '261', '2611', '26110']."""
        codes: list[str] = []
        node: KsicCode | None = self
        while node is not None:
            codes.append(node.code)
            node = node.parent
        return list(reversed(codes))


class Region(models.Model):
    """An administrative area: a 시도 or a 시군구, with its centroid."""

    class Level(models.TextChoices):
        SIDO = "sido", _("province / metropolitan city")
        SIGUNGU = "sigungu", _("city / county / district")

    code = models.CharField(_("code"), max_length=10, primary_key=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    name = models.CharField(_("name"), max_length=60)
    full_name = models.CharField(_("full name"), max_length=100)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    lat = models.FloatField(_("latitude"))
    lon = models.FloatField(_("longitude"))

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.full_name


class Capability(models.Model):
    """A technology capability of the taxonomy (kept as data, editable by operators)."""

    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    name_ko = models.CharField(_("name (Korean)"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=80)
    keywords = models.TextField(
        _("keywords"), blank=True, help_text=_("Words and synonyms, space separated.")
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")
        ordering = ["name_ko"]

    def __str__(self) -> str:
        return self.name_ko

    @property
    def label(self) -> str:
        from django.utils.translation import get_language

        return self.name_en if (get_language() or "ko").startswith("en") else self.name_ko
