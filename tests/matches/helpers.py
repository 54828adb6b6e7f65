"""Helpers shared by the match tests."""

from __future__ import annotations

from dxhub.companies.models import Company
from dxhub.companies.services import company_create
from dxhub.reference.models import Capability, KsicCode, Region
from tests.factories import next_brn


def supplier(name, description, caps, hub, region="48123"):
    return company_create(
        brn=next_brn(),
        name=name,
        kind=Company.Kind.SUPPLIER,
        region=Region.objects.get(code=region),
        hub=hub,
        description=description,
        capabilities=Capability.objects.filter(slug__in=caps),
        ksic_codes=KsicCode.objects.filter(code__in=["62010"]),
    )
