"""Notifications: who is told, per-kind preferences, the daily digest and the bell."""

from __future__ import annotations

from django.core.management import call_command
from django.urls import reverse

from dxhub.collab import services
from dxhub.notifications import services as notes
from dxhub.notifications.models import Notification, Preference


def test_interest_notifies_the_other_company_in_app_and_by_email(
    need, supplier, demander, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.express_interest(user=supplier, need=need, supplier=supplier.company, message="관심")
    note = Notification.objects.get(recipient=demander)
    assert note.kind == "interest" and need.title in note.text
    assert not Notification.objects.filter(recipient=supplier).exists()
    assert [m.to for m in mailoutbox] == [[demander.email]]


def test_preferences_switch_channels_and_the_digest_collects(
    need, supplier, demander, mailoutbox, django_capture_on_commit_callbacks
):
    notes.set_preference(demander, kind="interest", in_app=False, email=Preference.Email.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        services.express_interest(user=supplier, need=need, supplier=supplier.company)
    assert mailoutbox == []
    assert Notification.objects.get(recipient=demander).read_at is not None  # not shown as unread
    call_command("send_digest")
    assert len(mailoutbox) == 1 and need.title in mailoutbox[0].body
    call_command("send_digest")
    assert len(mailoutbox) == 1  # nothing twice


def test_never_and_off_means_no_notification(need, supplier, demander, mailoutbox):
    notes.set_preference(demander, kind="interest", in_app=False, email=Preference.Email.NEVER)
    services.express_interest(user=supplier, need=need, supplier=supplier.company)
    assert not Notification.objects.filter(recipient=demander).exists() and mailoutbox == []


def test_bell_count_and_opening_marks_read(client, need, supplier, demander):
    services.express_interest(user=supplier, need=need, supplier=supplier.company)
    client.force_login(demander)
    page = client.get(reverse("dashboard")).content.decode()
    assert 'id="bell-count">1<' in page
    note = Notification.objects.get(recipient=demander)
    response = client.post(reverse("notifications:open", args=[note.pk]))
    assert response.status_code == 302 and response["Location"] == note.link
    assert 'id="bell-count"' not in client.get(reverse("dashboard")).content.decode()


def test_one_cannot_open_someone_elses_notification(client, need, supplier, demander):
    services.express_interest(user=supplier, need=need, supplier=supplier.company)
    note = Notification.objects.get(recipient=demander)
    client.force_login(supplier)
    client.post(reverse("notifications:open", args=[note.pk]))
    note.refresh_from_db()
    assert note.read_at is None


def test_preferences_page_saves(client, demander):
    client.force_login(demander)
    assert client.get(reverse("notifications:preferences")).status_code == 200
    client.post(reverse("notifications:preferences"), {"app_message": "on", "email_message": "digest"})
    pref = Preference.objects.get(user=demander, kind="message")
    assert pref.in_app and pref.email == "digest"
    assert not Preference.objects.get(user=demander, kind="interest").in_app
