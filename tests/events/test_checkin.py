"""The ticket's signed code at the door: the staff phone page checks people in once."""

from __future__ import annotations

from django.urls import reverse

from dxhub.events import services
from dxhub.events.models import Registration


def _code(event, person):
    return services.checkin_code(Registration.objects.get(event=event, user=person))


def test_ticket_link_checks_in_once(client, briefing, demander, operator):
    q = str(briefing.questions.first().pk)
    services.register(event=briefing, user=demander, answers={q: "입주"})
    client.force_login(demander)
    ticket = client.get(reverse("events:ticket", args=[briefing.pk])).content.decode()
    code = _code(briefing, demander)
    assert code in ticket
    client.force_login(operator)
    url = reverse("events:checkin", args=[briefing.pk])
    first = client.get(url, {"code": code}).content.decode()
    assert demander.company.name in first
    assert Registration.objects.get(user=demander).checked_in_at is not None
    second = client.post(url, {"code": code}).content.decode()
    assert "Already checked in" in second or "이미 체크인" in second


def test_forged_and_foreign_codes_are_refused(client, briefing, matchmaking, demander, operator):
    services.register(event=matchmaking, user=demander)
    foreign = _code(matchmaking, demander)
    client.force_login(operator)
    url = reverse("events:checkin", args=[briefing.pk])
    page = client.post(url, {"code": foreign[:-2] + "xx"}).content.decode()
    assert "not valid" in page or "유효하지" in page
    page = client.post(url, {"code": foreign}).content.decode()
    assert "another event" in page or "다른 행사" in page
    assert Registration.objects.get(user=demander).checked_in_at is None


def test_only_the_event_staff_check_people_in(client, briefing, supplier, busan_operator):
    client.force_login(supplier)
    assert client.get(reverse("events:checkin", args=[briefing.pk])).status_code == 403
    client.force_login(busan_operator)
    assert client.get(reverse("events:checkin", args=[briefing.pk])).status_code == 403


def test_operator_prints_name_badges(client, briefing, demander, supplier, operator):
    q = str(briefing.questions.first().pk)
    services.register(event=briefing, user=demander, answers={q: "입주"})
    client.force_login(supplier)
    assert client.get(reverse("events:badges", args=[briefing.pk])).status_code == 403
    client.force_login(operator)
    response = client.get(reverse("events:badges", args=[briefing.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_ticket_shows_a_qr_code_of_the_check_in_link(client, briefing, demander):
    import html

    import segno

    q = str(briefing.questions.first().pk)
    services.register(event=briefing, user=demander, answers={q: "입주"})
    client.force_login(demander)
    page = client.get(reverse("events:ticket", args=[briefing.pk])).content.decode()
    link = (
        "http://testserver"
        + reverse("events:checkin", args=[briefing.pk])
        + "?code="
        + _code(briefing, demander)
    )
    expected = segno.make(link, error="m").svg_data_uri(scale=4, border=2)
    assert 'id="checkin-qr"' in page
    assert expected in html.unescape(page)
    # Another attendee's link would be another symbol.
    assert segno.make(link + "x", error="m").svg_data_uri(scale=4, border=2) not in html.unescape(page)
