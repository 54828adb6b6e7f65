from __future__ import annotations

from typing import Any

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from dxhub.companies.models import Certification, Company, ContactPerson, ProjectReference, Solution
from dxhub.reference.models import Capability, KsicCode, Region


class KsicCodesField(forms.CharField):
    """KSIC codes typed as text ('29271, 30332'): a 1,197-option select is unusable on a phone."""

    def to_python(self, value: Any) -> list[KsicCode]:  # type: ignore[override]
        raw = super().to_python(value) or ""
        codes = [c.strip() for c in raw.replace(";", ",").split(",") if c.strip()]
        found = {k.code: k for k in KsicCode.objects.filter(code__in=codes)}
        unknown = [c for c in codes if c not in found]
        if unknown:
            raise forms.ValidationError(_("Unknown KSIC code: %(codes)s") % {"codes": ", ".join(unknown)})
        return [found[c] for c in codes]

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(k.code if isinstance(k, KsicCode) else str(k) for k in value)
        return value


class CompanyForm(forms.ModelForm):
    ksic = KsicCodesField(
        label=_("KSIC codes"), required=False, help_text=_("5-digit KSIC codes, separated by commas.")
    )
    capabilities = forms.ModelMultipleChoiceField(
        label=_("capabilities"),
        queryset=Capability.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Company
        # Company.FIELDS, with the capabilities before the introduction.
        fields = list(Company.FIELDS)
        fields.insert(fields.index("description"), "capabilities")
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.filter(level=Region.Level.SIGUNGU)  # type: ignore[attr-defined]
        if self.instance.pk:
            self.fields["ksic"].initial = list(self.instance.ksic_codes.all())
            # The business number is the key other records and re-imports rely on.
            self.fields["brn"].disabled = True
        if user is not None and not user.is_ministry:
            # Only the ministry moves a company between hubs.
            self.fields["hub"].disabled = True
        order = list(self.fields)
        order.insert(order.index("region"), order.pop(order.index("ksic")))
        self.order_fields(order)

    def clean_brn(self) -> str:
        from dxhub.companies.brn import normalize_brn

        return normalize_brn(self.cleaned_data["brn"])


ContactFormSet = inlineformset_factory(
    Company, ContactPerson, fields=["name", "title", "email", "phone", "is_primary"], extra=1, can_delete=True
)
SolutionFormSet = inlineformset_factory(
    Company, Solution, fields=["name", "description"], extra=1, can_delete=True
)
ReferenceFormSet = inlineformset_factory(
    Company, ProjectReference, fields=["client_name", "year", "problem", "result"], extra=1, can_delete=True
)
CertificationFormSet = inlineformset_factory(
    Company, Certification, fields=["name", "issuer", "year"], extra=1, can_delete=True
)


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("colleague's email"))
