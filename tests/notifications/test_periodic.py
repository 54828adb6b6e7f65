"""`manage.py periodic`: reminders every round, the digest once a day from its hour, across restarts."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from dxhub.collab import services
from dxhub.notifications import services as notes
from dxhub.notifications.models import Preference
from dxhub.site.management.commands.periodic import run_due

SEOUL = ZoneInfo("Asia/Seoul")


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=SEOUL)


def test_the_digest_goes_once_a_day_from_its_hour(
    need, supplier, demander, mailoutbox, django_capture_on_commit_callbacks
):
    notes.set_preference(demander, kind="interest", in_app=True, email=Preference.Email.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        services.express_interest(user=supplier, need=need, supplier=supplier.company)
    assert mailoutbox == []

    assert [line.split(":")[0] for line in run_due(at(24, 7), digest_hour=8)] == ["reminders"]
    assert mailoutbox == []
    assert run_due(at(24, 9), digest_hour=8)[-1] == "digest: sent to 1 people"
    assert len(mailoutbox) == 1 and need.title in mailoutbox[0].body
    # Later the same day (also after a restart: the day is kept on disk) no second digest runs.
    assert [line.split(":")[0] for line in run_due(at(24, 15), digest_hour=8)] == ["reminders"]
    # The next morning it runs again; nothing new is pending, so nobody gets mail.
    assert run_due(at(25, 8), digest_hour=8)[-1] == "digest: sent to 0 people"
    assert len(mailoutbox) == 1


def test_once_runs_and_exits_and_bad_options_are_errors(db):
    out = io.StringIO()
    call_command("periodic", "--once", stdout=out)
    assert out.getvalue().startswith("reminders: 0 event(s)")
    with pytest.raises(CommandError, match="digest-hour"):
        call_command("periodic", "--once", "--digest-hour", "24")
    with pytest.raises(CommandError, match="interval"):
        call_command("periodic", "--interval", "5")
