from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dxhub.hubs.models import Hub
from dxhub.reference.models import Capability, KsicCode, Region


class HubForm(forms.ModelForm):
    industries = forms.ModelMultipleChoiceField(
        label=_("industries served"),
        queryset=KsicCode.objects.filter(level=KsicCode.Level.DIVISION),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Hub
        fields = [
            "name",
            "name_en",
            "slug",
            "region",
            "specialisations",
            "industries",
            "linked_hubs",
            "description",
            "budget_won",
            "shared_office_rooms",
        ]
        widgets = {
            "specialisations": forms.Textarea(attrs={"rows": 3}),
            "linked_hubs": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.filter(level=Region.Level.SIGUNGU)  # type: ignore[attr-defined]
        self.fields["linked_hubs"].queryset = Hub.objects.exclude(pk=self.instance.pk)  # type: ignore[attr-defined]


class CapabilityForm(forms.ModelForm):
    class Meta:
        model = Capability
        fields = ["slug", "name_ko", "name_en", "keywords", "active"]
