"""Named personas over the packaged reference data.

- ministry: ministry staff, sees every hub
- operator: runs the Changwon hub;  busan_operator: runs Busan Centum City
- supplier / supplier_owner: members of a Changwon SW/AI supplier
- demander: owner-member of a Changwon manufacturer
- ochang_member: member of an Ochang manufacturer (another hub)
- evaluator: an evaluator with no company
"""

from __future__ import annotations

import pytest

from dxhub.accounts.models import User
from dxhub.companies.models import Company
from dxhub.hubs.models import Hub
from tests.factories import CompanyFactory, UserFactory

# The `api` fixture (REST calls as a persona with a bearer token), for every app's API tests.
pytest_plugins = ["tests.api_client"]

PASSWORD = "pw-test-1234"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from dxhub.hubs.seed import load_all

    with django_db_blocker.unblock():
        load_all()
    yield
    # A thread that ended mid-request (live server, concurrency tests) can leave its PostgreSQL session
    # open, and the test database cannot be dropped while one is: end them before teardown drops it.
    from django.db import connection

    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


@pytest.fixture(autouse=True)
def matching_dir(settings, tmp_path):
    """Each test gets its own engine snapshot directory and a fresh in-memory engine."""
    from dxhub.matches import store

    settings.MATCHING_DIR = tmp_path / "matching"
    store.reset()
    yield settings.MATCHING_DIR
    store.reset()


@pytest.fixture
def hubs(db) -> dict[str, Hub]:
    # Transactional tests (the browser ones) flush the database afterwards: reload what they removed.
    if not Hub.objects.exists():
        from dxhub.hubs.seed import load_all

        load_all()
    return {h.slug: h for h in Hub.objects.all()}


@pytest.fixture
def supplier_company(hubs) -> Company:
    return CompanyFactory(name="창원비전AI", kind=Company.Kind.SUPPLIER, hub=hubs["changwon"])


@pytest.fixture
def demander_company(hubs) -> Company:
    return CompanyFactory(name="창원정밀기계", kind=Company.Kind.DEMANDER, hub=hubs["changwon"])


@pytest.fixture
def ochang_company(hubs) -> Company:
    from dxhub.reference.models import Region

    return CompanyFactory(
        name="오창배터리소재",
        kind=Company.Kind.DEMANDER,
        hub=hubs["ochang"],
        region=Region.objects.get(code="43710"),
    )


@pytest.fixture
def ministry(db) -> User:
    return UserFactory(email="ministry@msit.go.kr", role=User.Role.MINISTRY)


@pytest.fixture
def operator(hubs) -> User:
    return UserFactory(email="operator@changwon.kr", role=User.Role.OPERATOR, hub=hubs["changwon"])


@pytest.fixture
def busan_operator(hubs) -> User:
    return UserFactory(email="operator@busan.kr", role=User.Role.OPERATOR, hub=hubs["busan-centum"])


@pytest.fixture
def supplier(supplier_company) -> User:
    return UserFactory(email="staff@vision.kr", company=supplier_company)


@pytest.fixture
def supplier_owner(supplier_company) -> User:
    return UserFactory(email="ceo@vision.kr", company=supplier_company, is_company_owner=True)


@pytest.fixture
def demander(demander_company) -> User:
    return UserFactory(email="ceo@precision.kr", company=demander_company, is_company_owner=True)


@pytest.fixture
def ochang_member(ochang_company) -> User:
    return UserFactory(email="ceo@battery.kr", company=ochang_company, is_company_owner=True)


@pytest.fixture
def evaluator(db) -> User:
    return UserFactory(email="reviewer@univ.ac.kr", role=User.Role.EVALUATOR)
