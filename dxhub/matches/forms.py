from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dxhub.hubs.models import Hub
from dxhub.reference.models import Capability
from matching.engine.profiles import NO_FILTERS, Filters


class ShortlistFilterForm(forms.Form):
    """Hard filters on a need's shortlist: they are applied by the engine, not after it."""

    hub = forms.ModelChoiceField(label=_("hub"), queryset=Hub.objects.all(), required=False)
    radius_km = forms.IntegerField(label=_("within (km)"), min_value=1, max_value=1000, required=False)
    capability = forms.ModelMultipleChoiceField(
        label=_("must-have capabilities"),
        queryset=Capability.objects.filter(active=True),
        to_field_name="slug",
        required=False,
    )

    def filters(self) -> Filters:
        if not self.is_valid():
            return NO_FILTERS
        data = self.cleaned_data
        return Filters(
            hubs=frozenset({data["hub"].slug}) if data.get("hub") else None,
            radius_km=float(data["radius_km"]) if data.get("radius_km") else None,
            capabilities=frozenset(c.slug for c in data.get("capability") or ()),
        )

    @property
    def active(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.get(k) for k in ("hub", "radius_km", "capability"))
