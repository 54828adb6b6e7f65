"""One filter set for needs, shared by the page, its .xlsx export and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from dxhub.core.search import keyword_filter
from dxhub.hubs.models import Hub
from dxhub.needs.models import Need
from dxhub.reference.models import Capability
from dxhub.reference.selectors import ksic_subtree_q, region_q


class NeedFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("keyword"), method="filter_q")
    hub = django_filters.ModelChoiceFilter(label=_("hub"), queryset=Hub.objects.all())
    region = django_filters.CharFilter(label=_("region code"), method="filter_region")
    ksic = django_filters.CharFilter(label=_("KSIC code"), method="filter_ksic")
    capability = django_filters.ModelChoiceFilter(
        label=_("capability"),
        queryset=Capability.objects.filter(active=True),
        to_field_name="slug",
        field_name="required_capabilities",
    )
    status = django_filters.ChoiceFilter(label=_("status"), choices=Need.Status.choices)
    visibility = django_filters.ChoiceFilter(label=_("visibility"), choices=Need.Visibility.choices)
    company = django_filters.NumberFilter(
        label=_("company"), field_name="company_id", widget=forms.HiddenInput
    )

    class Meta:
        model = Need
        fields = ["q", "hub", "region", "ksic", "capability", "status", "visibility", "company"]

    def filter_q(self, queryset: QuerySet[Need], name: str, value: str) -> QuerySet[Need]:
        return keyword_filter(queryset, value, name_field="title")

    def filter_region(self, queryset: QuerySet[Need], name: str, value: str) -> QuerySet[Need]:
        return queryset.filter(region_q(value, "company__region")) if value else queryset

    def filter_ksic(self, queryset: QuerySet[Need], name: str, value: str) -> QuerySet[Need]:
        return queryset.filter(ksic_subtree_q(value, "ksic")) if value else queryset
