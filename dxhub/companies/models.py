"""Companies (suppliers and demanders) and what their profile holds."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dxhub.companies.brn import brn_problem, format_brn, normalize_brn


def validate_brn(value: str) -> None:
    problem = brn_problem(value)
    if problem:
        raise ValidationError(problem, code="brn")


class Company(models.Model):
    """One business, keyed by its 사업자등록번호; a supplier of SW/AI, a manufacturer with DX needs, or both."""

    class Kind(models.TextChoices):
        SUPPLIER = "supplier", _("supplier (SW/AI)")
        DEMANDER = "demander", _("demander (manufacturer)")
        BOTH = "both", _("supplier and demander")

    class Tenancy(models.TextChoices):
        TENANT = "tenant", _("hub tenant")
        RELOCATING = "relocating", _("relocating to the hub")
        REGIONAL = "regional", _("regional firm")
        CAPITAL = "capital", _("capital-area firm")

    class RevenueBand(models.TextChoices):
        UNDER_1B = "lt1b", _("under 1 billion won")
        B1_10 = "1b-10b", _("1–10 billion won")
        B10_50 = "10b-50b", _("10–50 billion won")
        B50_100 = "50b-100b", _("50–100 billion won")
        OVER_100B = "gt100b", _("over 100 billion won")

    brn = models.CharField(
        _("business registration number"), max_length=10, unique=True, validators=[validate_brn]
    )
    name = models.CharField(_("company name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120, blank=True)
    kind = models.CharField(_("role"), max_length=10, choices=Kind.choices)
    ksic_codes = models.ManyToManyField(
        "reference.KsicCode", verbose_name=_("KSIC codes"), blank=True, related_name="companies"
    )
    region = models.ForeignKey(
        "reference.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="companies",
        limit_choices_to={"level": "sigungu"},
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    founded_year = models.PositiveSmallIntegerField(_("founding year"), null=True, blank=True)
    revenue_band = models.CharField(_("revenue band"), max_length=10, choices=RevenueBand.choices, blank=True)
    hub = models.ForeignKey(
        "hubs.Hub",
        verbose_name=_("hub"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="companies",
    )
    tenancy = models.CharField(
        _("tenancy status"), max_length=12, choices=Tenancy.choices, default="regional"
    )
    capabilities = models.ManyToManyField(
        "reference.Capability", verbose_name=_("capabilities"), blank=True, related_name="companies"
    )
    description = models.TextField(_("introduction"), blank=True)
    website = models.URLField(_("website"), blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # The profile's own fields, the one list: what company_create/company_update accept, what the
    # company form edits (with the links) and what a bulk write (an import) sets; brn is its key.
    FIELDS = (
        "brn",
        "name",
        "name_en",
        "kind",
        "region",
        "address",
        "employees",
        "founded_year",
        "revenue_band",
        "hub",
        "tenancy",
        "description",
        "website",
    )

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["hub", "kind"]), models.Index(fields=["region"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.brn = normalize_brn(self.brn)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def brn_display(self) -> str:
        return format_brn(self.brn)

    @property
    def is_supplier(self) -> bool:
        return self.kind in (self.Kind.SUPPLIER, self.Kind.BOTH)

    @property
    def is_demander(self) -> bool:
        return self.kind in (self.Kind.DEMANDER, self.Kind.BOTH)


class ContactPerson(models.Model):
    """A contact at a company. Their details are private until both companies agree to share."""

    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.CASCADE, related_name="contacts"
    )
    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_records",
    )
    name = models.CharField(_("name"), max_length=60)
    title = models.CharField(pgettext_lazy("job title", "title"), max_length=60, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_primary = models.BooleanField(_("primary contact"), default=False)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["-is_primary", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.company})"


class Solution(models.Model):
    """A product or solution a supplier offers."""

    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.CASCADE, related_name="solutions"
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    capabilities = models.ManyToManyField("reference.Capability", verbose_name=_("capabilities"), blank=True)

    class Meta:
        verbose_name = _("solution")
        verbose_name_plural = _("solutions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProjectReference(models.Model):
    """A past project: for which industry, what problem, what result."""

    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.CASCADE, related_name="references"
    )
    client_name = models.CharField(_("client"), max_length=120, blank=True)
    client_ksic = models.ForeignKey(
        "reference.KsicCode",
        verbose_name=_("client industry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    problem = models.TextField(_("problem"))
    result = models.TextField(_("result"), blank=True)

    class Meta:
        verbose_name = _("project reference")
        verbose_name_plural = _("project references")
        ordering = ["-year", "id"]

    def __str__(self) -> str:
        return f"{self.client_name or '-'}: {self.problem[:40]}"


class Certification(models.Model):
    """A certification a company holds (e.g. 벤처기업, 이노비즈, ISO 9001, GS 인증)."""

    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.CASCADE, related_name="certifications"
    )
    name = models.CharField(_("name"), max_length=120)
    issuer = models.CharField(_("issuer"), max_length=120, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)

    class Meta:
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ContactConsent(models.Model):
    """One company's agreement to share its contacts with another. Both directions reveal contacts."""

    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.CASCADE, related_name="+"
    )
    with_company = models.ForeignKey(
        Company, verbose_name=_("shared with"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact consent")
        verbose_name_plural = _("contact consents")
        constraints = [
            models.UniqueConstraint(fields=["company", "with_company"], name="one_consent_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.company} → {self.with_company}"
