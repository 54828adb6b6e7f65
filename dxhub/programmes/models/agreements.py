"""Agreements of selected projects, milestones, change requests, the ledger, results and follow-ups."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from dxhub.programmes.models.calls import BudgetLine


class Agreement(models.Model):
    """The agreement (협약) of a selected project: amounts by source and the schedule."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SIGNED = "signed", _("signed")
        CLOSED = "closed", _("settled")

    application = models.OneToOneField(
        "programmes.Application",
        verbose_name=_("application"),
        on_delete=models.PROTECT,
        related_name="agreement",
    )
    national = models.BigIntegerField(_("national funds (won)"))
    local = models.BigIntegerField(_("local government funds (won)"), default=0)
    private_cash = models.BigIntegerField(_("private cash (won)"), default=0)
    private_in_kind = models.BigIntegerField(_("private in-kind (won)"), default=0)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")), name="agreement_dates"
            )
        ]

    def __str__(self) -> str:
        return str(self.application)


class Milestone(models.Model):
    """A checkpoint with its payment: reported by the consortium, approved by the operator, then paid."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        REPORTED = "reported", _("reported")
        APPROVED = "approved", _("approved")
        PAID = "paid", _("paid")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("milestone"), max_length=150)
    due_on = models.DateField(_("due"))
    amount = models.BigIntegerField(_("payment (won)"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PLANNED)
    report = models.TextField(_("checkpoint report"), blank=True)
    reported_at = models.DateTimeField(_("reported"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title


class ChangeRequest(models.Model):
    """A change to scope or to the budget between items, decided by the operator.

    A budget change carries its transfer (one source, from one item to another, an amount in won);
    approving it moves that money between the application's budget lines.
    """

    class Kind(models.TextChoices):
        SCOPE = "scope", _("scope")
        BUDGET = "budget", _("budget between items")
        SCHEDULE = "schedule", _("schedule")

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="changes"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    description = models.TextField(_("description"))
    source = models.CharField(
        _("source"), max_length=10, choices=BudgetLine.Source.choices, blank=True, default=""
    )
    from_item = models.CharField(
        _("moved from"), max_length=12, choices=BudgetLine.Item.choices, blank=True, default=""
    )
    to_item = models.CharField(
        _("moved to"), max_length=12, choices=BudgetLine.Item.choices, blank=True, default=""
    )
    amount = models.BigIntegerField(_("amount moved (won)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            # Budget changes recorded before transfers existed carry none; any transfer is a whole one.
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True, source="", from_item="", to_item="")
                | (
                    models.Q(kind="budget", amount__gt=0)
                    & ~models.Q(source="")
                    & ~models.Q(from_item="")
                    & ~models.Q(to_item="")
                    & ~models.Q(from_item=models.F("to_item"))
                ),
                name="change_transfer_whole",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description[:40]}"

    @property
    def is_transfer(self) -> bool:
        return self.amount is not None


class LedgerEntry(models.Model):
    """One movement of programme money; the books are these entries replayed (optimize.selection.ledger)."""

    class Kind(models.TextChoices):
        BUDGET = "budget", _("programme budget set")
        COMMIT = "commit", _("committed")
        MILESTONE = "milestone", _("milestone planned")
        APPROVE = "approve", _("milestone approved")
        PAY = "pay", _("paid")
        SPEND = "spend", _("spent with evidence")
        RETURN = "return", _("returned")

    hub = models.ForeignKey("hubs.Hub", verbose_name=_("hub"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    amount = models.BigIntegerField(_("amount (won)"), default=0)
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="entries",
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("milestone"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    evidence = models.CharField(_("evidence"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", verbose_name=_("recorded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["id"]
        indexes = [models.Index(fields=["hub", "year"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"


class ProjectResult(models.Model):
    """The KPI achieved against the target when the project ends."""

    agreement = models.OneToOneField(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="result"
    )
    kpi_target = models.CharField(_("target KPI"), max_length=200)
    kpi_achieved = models.CharField(_("KPI achieved"), max_length=200)
    achieved = models.BooleanField(_("target met"))
    note = models.TextField(_("note"), blank=True)
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("project result")
        verbose_name_plural = _("project results")

    def __str__(self) -> str:
        return f"{self.agreement}: {self.kpi_achieved}"


class FollowUp(models.Model):
    """The 6- and 12-month follow-ups: sales, jobs and further investment since the project."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="followups"
    )
    months = models.PositiveSmallIntegerField(_("months after the end"), choices=[(6, "6"), (12, "12")])
    sales = models.BigIntegerField(_("added sales (won)"), default=0)
    jobs = models.IntegerField(_("new jobs"), default=0)
    investment = models.BigIntegerField(_("further investment (won)"), default=0)
    note = models.TextField(_("note"), blank=True)
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [models.UniqueConstraint(fields=["agreement", "months"], name="followup_once")]

    def __str__(self) -> str:
        return f"{self.agreement} +{self.months}"
