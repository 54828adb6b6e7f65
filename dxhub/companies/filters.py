"""One filter set per list, shared by the page, its .xlsx export and the API."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from dxhub.companies.models import Company
from dxhub.core.search import keyword_filter
from dxhub.hubs.models import Hub
from dxhub.reference.models import Capability
from dxhub.reference.selectors import ksic_subtree_q, region_q


class CompanyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("keyword"), method="filter_q")
    hub = django_filters.ModelChoiceFilter(label=_("hub"), queryset=Hub.objects.all())
    region = django_filters.CharFilter(label=_("region code"), method="filter_region")
    ksic = django_filters.CharFilter(label=_("KSIC code"), method="filter_ksic")
    capability = django_filters.ModelChoiceFilter(
        label=_("capability"),
        queryset=Capability.objects.filter(active=True),
        to_field_name="slug",
        field_name="capabilities",
    )
    kind = django_filters.ChoiceFilter(label=_("role"), choices=Company.Kind.choices, method="filter_kind")
    tenancy = django_filters.ChoiceFilter(label=_("tenancy status"), choices=Company.Tenancy.choices)

    class Meta:
        model = Company
        fields = ["q", "hub", "region", "ksic", "capability", "kind", "tenancy"]

    def filter_q(self, queryset: QuerySet[Company], name: str, value: str) -> QuerySet[Company]:
        return keyword_filter(queryset, value)

    def filter_region(self, queryset: QuerySet[Company], name: str, value: str) -> QuerySet[Company]:
        return queryset.filter(region_q(value, "region")) if value else queryset

    def filter_ksic(self, queryset: QuerySet[Company], name: str, value: str) -> QuerySet[Company]:
        return queryset.filter(ksic_subtree_q(value, "ksic_codes")).distinct() if value else queryset

    def filter_kind(self, queryset: QuerySet[Company], name: str, value: Any) -> QuerySet[Company]:
        if value == Company.Kind.SUPPLIER:
            return queryset.filter(kind__in=[Company.Kind.SUPPLIER, Company.Kind.BOTH])
        if value == Company.Kind.DEMANDER:
            return queryset.filter(kind__in=[Company.Kind.DEMANDER, Company.Kind.BOTH])
        return queryset.filter(kind=value)
