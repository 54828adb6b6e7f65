"""Who may use the account pages (tests/access.py): each person only their own account and tokens."""

from __future__ import annotations

import pytest

from dxhub.accounts.models import ApiToken, Invitation
from tests import access
from tests.access import LOGIN, page

SIGNED_IN = {"anonymous": LOGIN}


@pytest.fixture
def world(demander, demander_company):
    token, _raw = ApiToken.issue(demander)
    invitation = Invitation.objects.create(
        company=demander_company, email="new@precision.kr", invited_by=demander
    )
    return {"token": token, "invitation": invitation}


ACCESS = [
    page("accounts:me", **SIGNED_IN),
    page("accounts:token_create", method="post", default=302, **SIGNED_IN),
    # Only the token's owner revokes it; anyone else's token is not there for them.
    page(
        "accounts:token_revoke",
        lambda w: [w["token"].pk],
        method="post",
        default=404,
        anonymous=LOGIN,
        demander=302,
    ),
    page("accounts:export", **SIGNED_IN),
    page("accounts:delete", **SIGNED_IN),
    page("accounts:delete", method="post", case="not confirmed", default=302, **SIGNED_IN),
    # The invitation link is the credential: whoever holds it sees the page.
    page("accounts:invitation", lambda w: [w["invitation"].token]),
]


@pytest.mark.parametrize("row", access.params(ACCESS))
def test_access(row, world, request):
    access.check(row, world, access.people(request))
