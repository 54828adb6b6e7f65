"""Who may read notifications (tests/access.py): each person only their own."""

from __future__ import annotations

import pytest

from dxhub.notifications.models import Kind, Notification
from tests import access
from tests.access import ALLOWED, LOGIN, page

SIGNED_IN = {"anonymous": LOGIN}


@pytest.fixture
def world(demander):
    note = Notification.objects.create(recipient=demander, kind=Kind.INTEREST, text="관심 표명", link="/")
    return {"note": note}


ACCESS = [
    page("notifications:inbox", **SIGNED_IN),
    # Opening another person's notification finds nothing of theirs and goes back to one's own inbox
    # (nothing is read or changed); the recipient follows the notification's link.
    page("notifications:open", lambda w: [w["note"].pk], method="post", default=302, anonymous=LOGIN),
    page("notifications:read_all", method="post", default=302, **SIGNED_IN),
    page("notifications:preferences", **SIGNED_IN),
    page("notifications:preferences", method="post", default=ALLOWED, **SIGNED_IN),
]


@pytest.mark.parametrize("row", access.params(ACCESS))
def test_access(row, world, request):
    access.check(row, world, access.people(request))
