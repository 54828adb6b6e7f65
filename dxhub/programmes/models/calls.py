"""Calls for DX projects and the consortia's applications to them."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Call(models.Model):
    """A call for manufacturing-site problem-solving DX projects (제조 현장 문제해결형 과제 공모)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open for applications")
        REVIEW = "review", _("under review")
        SELECTED = "selected", _("selection announced")

    class Aggregation(models.TextChoices):
        MEAN = "mean", _("plain mean")
        TRIMMED = "trimmed", _("mean without the highest and lowest")
        ZSCORE = "zscore", _("mean of each evaluator's standardised scores")

    hubs = models.ManyToManyField("hubs.Hub", verbose_name=_("hubs"), related_name="calls")
    title = models.CharField(_("title"), max_length=150)
    summary = models.TextField(_("summary"), blank=True)
    year = models.PositiveSmallIntegerField(_("programme year"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    opens_at = models.DateTimeField(_("opens"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"))
    total_budget = models.BigIntegerField(_("total support (won)"))
    cap_per_project = models.BigIntegerField(_("support per project at most (won)"))
    # Co-funding: the least share of the project cost each source must carry, in percent.
    national_share_max = models.PositiveSmallIntegerField(_("national funds at most (%)"), default=75)
    local_share_min = models.PositiveSmallIntegerField(_("local government funds at least (%)"), default=0)
    private_cash_min = models.PositiveSmallIntegerField(_("private cash at least (%)"), default=10)
    private_in_kind_max = models.PositiveSmallIntegerField(_("private in-kind at most (%)"), default=15)
    # Eligibility (empty = no restriction).
    region_prefixes = models.CharField(
        _("regions (code prefixes)"), max_length=200, blank=True, help_text=_("comma-separated, e.g. 48,26")
    )
    max_employees = models.PositiveIntegerField(_("employees at most"), null=True, blank=True)
    ksic_prefixes = models.CharField(
        _("industries (KSIC prefixes)"),
        max_length=200,
        blank=True,
        help_text=_("comma-separated, e.g. 29,30"),
    )
    tenancies = models.CharField(_("tenancy"), max_length=100, blank=True, help_text=_("comma-separated"))
    max_years_since_founding = models.PositiveSmallIntegerField(
        _("years since founding at most"), null=True, blank=True
    )
    required_documents = models.TextField(_("required documents"), blank=True, help_text=_("one per line"))
    aggregation = models.CharField(
        _("score aggregation"), max_length=10, choices=Aggregation.choices, default=Aggregation.TRIMMED
    )
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (points)"), default=60)
    created_by = models.ForeignKey(
        "accounts.User", verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-deadline", "-id"]

    def __str__(self) -> str:
        return self.title

    def documents_list(self) -> list[str]:
        return [line.strip() for line in self.required_documents.splitlines() if line.strip()]

    def split(self, field: str) -> list[str]:
        return [p.strip() for p in getattr(self, field).split(",") if p.strip()]

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN and self.opens_at <= timezone.now() < self.deadline


class CallQuota(models.Model):
    """A quota the selection must meet: at least N selected, or at least a share of the money, to a group."""

    class Group(models.TextChoices):
        REGIONAL = "regional", _("regional firms (outside the capital area)")
        YOUNG = "young", _("young firms (7 years or less)")

    class Kind(models.TextChoices):
        COUNT = "count", _("at least this many selected")
        SHARE = "share", _("at least this percentage of the money awarded")

    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="quotas")
    group = models.CharField(_("group"), max_length=10, choices=Group.choices)
    kind = models.CharField(_("kind"), max_length=6, choices=Kind.choices)
    value = models.PositiveIntegerField(_("value"))

    class Meta:
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")

    def __str__(self) -> str:
        return f"{self.get_group_display()} {self.get_kind_display()} {self.value}"


class RubricCriterion(models.Model):
    """One line of the evaluation rubric; evaluators give it 0–10 points, weighted."""

    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=120)
    weight = models.PositiveSmallIntegerField(_("weight (points)"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.weight})"


class Application(models.Model):
    """A consortium's application to a call: a plan built from a need, with its budget and documents."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        INELIGIBLE = "ineligible", _("not eligible")
        REVIEW = "review", _("under review")
        SELECTED = "selected", _("selected")
        NOT_SELECTED = "rejected", _("not selected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications"
    )
    hub = models.ForeignKey("hubs.Hub", verbose_name=_("hub"), on_delete=models.PROTECT, related_name="+")
    lead = models.ForeignKey(
        "companies.Company", verbose_name=_("lead (demander)"), on_delete=models.PROTECT, related_name="+"
    )
    need = models.ForeignKey(
        "needs.Need",
        verbose_name=_("from the need"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Left for "apply from an agreed collaboration": the collaboration app links its agreement id here.
    collaboration_id = models.PositiveBigIntegerField(_("from the collaboration"), null=True, blank=True)
    title = models.CharField(_("project title"), max_length=150)
    problem = models.TextField(_("problem"), blank=True)
    target_kpi = models.CharField(_("target KPI"), max_length=200, blank=True)
    kpi_baseline = models.CharField(_("KPI today"), max_length=100, blank=True)
    kpi_target_value = models.CharField(_("KPI target value"), max_length=100, blank=True)
    scope = models.TextField(_("scope"), blank=True)
    schedule_months = models.PositiveSmallIntegerField(_("duration (months)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    eligibility_reasons = models.JSONField(_("eligibility reasons"), default=list, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    final_score = models.DecimalField(_("final score"), max_digits=6, decimal_places=2, null=True, blank=True)
    score_method = models.CharField(_("aggregation used"), max_length=10, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["call", "lead"], name="one_application_per_lead_per_call")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def requested(self) -> int:
        """National support requested: what the programme pays."""
        return sum(
            line.amount for line in self.budget_lines.all() if line.source == BudgetLine.Source.NATIONAL
        )

    @property
    def locked(self) -> bool:
        return self.status != self.Status.DRAFT


class ApplicationMember(models.Model):
    """A company in the consortium."""

    class Role(models.TextChoices):
        DEMANDER = "demander", _("demander (lead)")
        SUPPLIER = "supplier", _("supplier")
        OTHER = "other", _("other member")

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="members"
    )
    company = models.ForeignKey(
        "companies.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)

    class Meta:
        verbose_name = _("consortium member")
        verbose_name_plural = _("consortium members")
        constraints = [models.UniqueConstraint(fields=["application", "company"], name="member_once")]

    def __str__(self) -> str:
        return f"{self.company} ({self.get_role_display()})"


class BudgetLine(models.Model):
    """One budget item paid from one source, in won."""

    class Item(models.TextChoices):
        LABOUR = "labour", _("labour")
        EQUIPMENT = "equipment", _("equipment and materials")
        SOFTWARE = "software", _("software and cloud")
        OUTSOURCING = "outsourcing", _("outsourced development")
        OTHER = "other", _("other costs")

    class Source(models.TextChoices):
        NATIONAL = "national", _("national funds")
        LOCAL = "local", _("local government funds")
        PRIVATE_CASH = "cash", _("private cash")
        IN_KIND = "inkind", _("private in-kind")

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    item = models.CharField(_("item"), max_length=12, choices=Item.choices)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    amount = models.BigIntegerField(_("amount (won)"))

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(fields=["application", "item", "source"], name="budget_line_once"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="budget_line_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.get_item_display()} / {self.get_source_display()}: {self.amount}"


def document_path(instance: ApplicationDocument, filename: str) -> str:
    return f"programmes/{instance.application_id}/{filename}"


class ApplicationDocument(models.Model):
    """A required document attached to an application (served only through the access helper)."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("document"), max_length=120)
    file = models.FileField(_("file"), upload_to=document_path)
    name = models.CharField(_("name"), max_length=200)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")

    def __str__(self) -> str:
        return self.name
