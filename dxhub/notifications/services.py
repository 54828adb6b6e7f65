"""Writes of notifications: `notify` (in the app and by email, as each person chose) and the daily digest."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from dxhub.notifications.models import Kind, Notification, Preference

log = logging.getLogger(__name__)


def _preferences(user_ids: Iterable[int], kind: str) -> dict[int, Preference]:
    return {p.user_id: p for p in Preference.objects.filter(user_id__in=list(user_ids), kind=kind)}


def notify(recipients: Iterable[Any], *, kind: str, text: str, link: str = "") -> list[Notification]:
    """Tell each recipient about something they must act on.

    `text` must be safe for every recipient: company names and need titles, never contact details
    (callers build it from what both sides may read). Email leaves once the write commits, so a
    rolled-back transition sends nothing.
    """
    if kind not in Kind.values:
        raise ValueError(f"unknown notification kind {kind!r}")
    people = {u.pk: u for u in recipients if u is not None and u.is_active}
    prefs = _preferences(people, kind)
    created, mail_now = [], []
    for pk, user in people.items():
        pref = prefs.get(pk)
        in_app = pref.in_app if pref else True
        email = pref.email if pref else Preference.Email.IMMEDIATE
        if not in_app and email == Preference.Email.NEVER:
            continue
        note = Notification(recipient=user, kind=kind, text=text[:300], link=link[:300])
        if not in_app:
            note.read_at = timezone.now()  # kept for the digest/email only, not shown as unread
        created.append(note)
        if email == Preference.Email.IMMEDIATE and user.email:
            mail_now.append(note)
    Notification.objects.bulk_create(created)
    if mail_now:
        transaction.on_commit(lambda: _send_now(mail_now))
    return created


def _absolute(link: str) -> str:
    base = getattr(settings, "DXHUB_SITE_URL", "").rstrip("/")
    return f"{base}{link}" if base else link


def _mail(subject: str, body: str, to: str) -> bool:
    """A mail server that is down must not undo or fail the step that was already committed."""
    try:
        send_mail(subject, body, None, [to])
    except Exception:
        log.exception("notification email to user failed")
        return False
    return True


def _send_now(notes: list[Notification]) -> None:
    sent = []
    for note in notes:
        with override("ko"):
            subject = _("[dxhub] %(text)s") % {"text": note.text[:80]}
        body = f"{note.text}\n\n{_absolute(note.link)}\n"
        if _mail(subject, body, note.recipient.email):
            sent.append(note.pk)
    Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())


def mark_read(user: Any, *, pk: int | None = None) -> int:
    """Marks one notification (or, without pk, all) of `user` as read; returns how many changed."""
    rows = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if pk is not None:
        rows = rows.filter(pk=pk)
    return rows.update(read_at=timezone.now())


@transaction.atomic
def set_preference(user: Any, *, kind: str, in_app: bool, email: str) -> Preference:
    if kind not in Kind.values or email not in Preference.Email.values:
        raise ValueError("unknown kind or email choice")
    pref, _created = Preference.objects.update_or_create(
        user=user, kind=kind, defaults={"in_app": in_app, "email": email}
    )
    return pref


def send_digest() -> int:
    """One email per person with everything chosen for the digest that was not emailed yet."""
    digest_kinds: dict[int, set[str]] = defaultdict(set)
    for user_id, kind in Preference.objects.filter(email=Preference.Email.DIGEST).values_list(
        "user_id", "kind"
    ):
        digest_kinds[user_id].add(kind)
    pending = (
        Notification.objects.filter(recipient_id__in=list(digest_kinds), emailed_at__isnull=True)
        .select_related("recipient")
        .order_by("recipient_id", "created_at")
    )
    by_user: dict[int, list[Notification]] = defaultdict(list)
    for note in pending:
        if note.kind in digest_kinds[note.recipient_id]:
            by_user[note.recipient_id].append(note)
    sent = 0
    for notes in by_user.values():
        user = notes[0].recipient
        if not user.is_active or not user.email:
            continue
        with override("ko"):
            subject = _("[dxhub] daily digest: %(n)d updates") % {"n": len(notes)}
        body = "\n".join(f"- {n.text}\n  {_absolute(n.link)}" for n in notes)
        if _mail(subject, body, user.email):
            Notification.objects.filter(pk__in=[n.pk for n in notes]).update(emailed_at=timezone.now())
            sent += 1
    return sent
