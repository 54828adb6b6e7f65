"""factory_boy factories over the real models; reference data comes from the packaged loader."""

from __future__ import annotations

import itertools

import factory

from dxhub.accounts.models import User
from dxhub.companies.brn import make_brn
from dxhub.companies.models import Company, ContactPerson
from dxhub.hubs.models import Hub
from dxhub.needs.models import Need
from dxhub.reference.models import Region

_brn_seq = itertools.count(100_000_001)


def next_brn() -> str:
    return make_brn(str(next(_brn_seq)).zfill(9))


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    brn = factory.LazyFunction(next_brn)
    name = factory.Sequence(lambda n: f"테스트기업{n}")
    kind = Company.Kind.SUPPLIER
    region = factory.LazyFunction(lambda: Region.objects.get(code="48123"))
    hub = factory.LazyFunction(lambda: Hub.objects.get(slug="changwon"))
    tenancy = Company.Tenancy.REGIONAL
    description = "스마트공장 솔루션 기업"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    company = factory.SubFactory(CompanyFactory)
    name = factory.Sequence(lambda n: f"담당자{n}")
    email = factory.Sequence(lambda n: f"contact{n}@example.kr")
    phone = "010-1234-5678"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.kr")
    name = factory.Sequence(lambda n: f"사용자{n}")
    role = User.Role.MEMBER
    password = factory.PostGenerationMethodCall("set_password", "pw-test-1234")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    company = factory.SubFactory(CompanyFactory, kind=Company.Kind.DEMANDER)
    hub = factory.LazyAttribute(lambda o: o.company.hub)
    title = factory.Sequence(lambda n: f"용접 라인 외관 불량 검출 자동화 {n}")
    site = "본사 2공장 용접 라인"
    problem = "용접 비드 외관 불량을 작업자가 육안으로 검사하여 누락이 잦습니다."
    status = Need.Status.PUBLISHED
    visibility = Need.Visibility.HUB
