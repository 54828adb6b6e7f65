from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dxhub.core.forms import no_default
from dxhub.hubs.models import Hub
from dxhub.needs.models import Need
from dxhub.reference.models import Capability, KsicCode


class NeedForm(forms.ModelForm):
    """The structured problem template a demander fills in."""

    ksic_code = forms.CharField(
        label=_("industry of the site (KSIC)"), required=False, max_length=6, help_text=_("e.g. 29271")
    )
    required_capabilities = forms.ModelMultipleChoiceField(
        label=_("required capabilities"),
        queryset=Capability.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Need
        # Need.FIELDS but the hub (set by the service) and the industry (ksic_code above).
        fields = [
            *(f for f in Need.FIELDS if f not in ("hub", "ksic", "visibility")),
            "required_capabilities",
            "visibility",
        ]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 5}),
            "current_practice": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.ksic_id:
            self.fields["ksic_code"].initial = self.instance.ksic_id
        order = list(self.fields)
        order.insert(1, order.pop(order.index("ksic_code")))
        self.order_fields(order)

    def clean_ksic_code(self) -> KsicCode | None:
        code = (self.cleaned_data.get("ksic_code") or "").strip()
        if not code:
            return None
        try:
            return KsicCode.objects.get(code=code)
        except KsicCode.DoesNotExist:
            raise forms.ValidationError(_("Unknown KSIC code: %(codes)s") % {"codes": code}) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("budget_min"), data.get("budget_max")
        if low is not None and high is not None and low > high:
            self.add_error("budget_max", _("The upper budget must not be below the lower one."))
        return data

    def service_fields(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("ksic_code", "required_capabilities")}
        data["ksic"] = self.cleaned_data.get("ksic_code")
        return data


class CloseForm(forms.Form):
    reason = forms.ChoiceField(label=_("reason for closing"), choices=no_default(Need.CloseReason.choices))
    note = forms.CharField(label=_("closing note"), max_length=300, required=False)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("file"))

    def clean_file(self) -> Any:
        f = self.cleaned_data["file"]
        if f.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("Files up to 10 MB."))
        return f


class HubChoiceForm(forms.Form):
    hub = forms.ModelChoiceField(label=_("hub"), queryset=Hub.objects.all())
