"""DX needs (수요): a manufacturer's site problem, written on a structured template."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class NeedQuerySet(models.QuerySet["Need"]):
    def open(self) -> NeedQuerySet:
        """Needs that are looking for a supplier: published or in discussion (the one definition)."""
        return self.filter(status__in=Need.OPEN_STATUSES)


class Need(models.Model):
    """A demander's digital-transformation need, from draft to closed."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        IN_DISCUSSION = "discussion", _("in discussion")
        CLOSED = "closed", _("closed")

    class Visibility(models.TextChoices):
        HUB = "hub", _("own hub only")
        ALL_HUBS = "hubs", _("all hubs")
        PUBLIC = "public", _("public")

    class CloseReason(models.TextChoices):
        SOLVED = "solved", _("solved with a supplier found here")
        SOLVED_ELSEWHERE = "elsewhere", _("solved elsewhere")
        CANCELLED = "cancelled", _("no longer needed")
        NO_BUDGET = "budget", _("no budget")
        OTHER = "other", _("other")

    # Open: shown to suppliers, ranked by the engine, counted as open on dashboards.
    OPEN_STATUSES = (Status.PUBLISHED, Status.IN_DISCUSSION)
    # A need's own fields, the one list: what need_create/need_update accept, what the need form
    # edits (hub and industry aside) and what a bulk write (an import) sets; title is its key.
    # The status changes through the state machine (services.TRANSITIONS), or a bulk write.
    FIELDS = (
        "title",
        "hub",
        "ksic",
        "site",
        "problem",
        "current_practice",
        "data_kinds",
        "data_volume",
        "data_access",
        "target_kpi",
        "budget_min",
        "budget_max",
        "timeline_months",
        "visibility",
    )

    company = models.ForeignKey(
        "companies.Company", verbose_name=_("company"), on_delete=models.CASCADE, related_name="needs"
    )
    hub = models.ForeignKey("hubs.Hub", verbose_name=_("hub"), on_delete=models.PROTECT, related_name="needs")
    title = models.CharField(_("title"), max_length=150)
    ksic = models.ForeignKey(
        "reference.KsicCode",
        verbose_name=_("industry of the site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="needs",
    )
    site = models.CharField(
        _("site and process"), max_length=200, help_text=_("e.g. 2nd plant, welding line")
    )
    problem = models.TextField(_("problem"))
    current_practice = models.TextField(_("current practice"), blank=True)
    data_kinds = models.CharField(_("data available: kinds"), max_length=200, blank=True)
    data_volume = models.CharField(_("data available: volume"), max_length=120, blank=True)
    data_access = models.CharField(_("data available: access"), max_length=200, blank=True)
    target_kpi = models.CharField(_("target KPI"), max_length=200, blank=True)
    budget_min = models.BigIntegerField(_("budget from (won)"), null=True, blank=True)
    budget_max = models.BigIntegerField(_("budget to (won)"), null=True, blank=True)
    timeline_months = models.PositiveSmallIntegerField(_("timeline (months)"), null=True, blank=True)
    required_capabilities = models.ManyToManyField(
        "reference.Capability", verbose_name=_("required capabilities"), blank=True, related_name="needs"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    close_reason = models.CharField(
        _("reason for closing"), max_length=12, choices=CloseReason.choices, blank=True
    )
    close_note = models.CharField(_("closing note"), max_length=300, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=8, choices=Visibility.choices, default=Visibility.HUB
    )
    created_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = NeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("DX need")
        verbose_name_plural = _("DX needs")
        ordering = ["-published_at", "-created_at", "-id"]
        indexes = [models.Index(fields=["status", "visibility", "hub"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(budget_min__isnull=True)
                | models.Q(budget_max__isnull=True)
                | models.Q(budget_min__lte=models.F("budget_max")),
                name="need_budget_range_ordered",
                violation_error_code="budget_range",
                violation_error_message=_("The upper budget must not be below the lower one."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


def attachment_path(instance: NeedAttachment, filename: str) -> str:
    return f"needs/{instance.need_id}/{filename}"


class NeedAttachment(models.Model):
    """A file attached to a need (drawings, sample images, process sheets)."""

    need = models.ForeignKey(
        Need, verbose_name=_("need"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    name = models.CharField(_("name"), max_length=200)
    uploaded_by = models.ForeignKey(
        "accounts.User", verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name
