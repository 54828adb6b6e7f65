"""The events API: register, request, respond, schedule, agenda; bad input is a 4xx with a message."""

from __future__ import annotations

from dxhub.events.models import Registration


def test_the_whole_matchmaking_flow_through_the_api(api, matchmaking, operator, supplier, demander):
    s, d, o = api(supplier), api(demander), api(operator)
    assert s.post(f"/events/{matchmaking.pk}/register", {}).json()["status"] == "confirmed"
    assert d.post(f"/events/{matchmaking.pk}/register", {}).json()["status"] == "confirmed"
    listed = s.get(f"/events/{matchmaking.pk}/participants").json()
    assert [p["name"] for p in listed] == [Registration.objects.get(user=demander).display_name]
    sent = s.post(
        f"/events/{matchmaking.pk}/requests",
        {"recipient": listed[0]["registration_id"], "priority": 3, "message": "미팅 요청드립니다"},
    )
    assert sent.status_code == 201, sent.content
    request_id = sent.json()["id"]
    assert s.post(f"/events/requests/{request_id}/respond", {"accept": True}).status_code == 403
    assert d.post(f"/events/requests/{request_id}/respond", {"accept": True}).json()["status"] == "accepted"
    assert s.post(f"/events/{matchmaking.pk}/schedule", {"mode": "full"}).status_code == 403
    run = o.post(f"/events/{matchmaking.pk}/schedule", {"mode": "full"}).json()
    assert (run["meetings"], run["weight"], run["bound"]) == (1, 3, 3)
    for client in (s, d):
        agenda = client.get(f"/events/{matchmaking.pk}/agenda").json()
        assert len(agenda) == 1 and agenda[0]["priority"] == 3


def test_waitlist_position_and_cancel(api, briefing, supplier, demander, ochang_member):
    q = str(briefing.questions.first().pk)
    for person in (supplier, demander):
        assert (
            api(person).post(f"/events/{briefing.pk}/register", {"answers": {q: "입주"}}).status_code == 200
        )
    third = api(ochang_member).post(f"/events/{briefing.pk}/register", {"answers": {q: "입주"}}).json()
    assert (third["status"], third["waitlist_position"]) == ("waitlisted", 1)
    assert api(supplier).post(f"/events/{briefing.pk}/cancel").json()["status"] == "cancelled"
    assert api(ochang_member).get(f"/events/{briefing.pk}").status_code == 200
    assert Registration.objects.get(user=ochang_member).status == "confirmed"


def test_bad_input_is_a_clear_4xx(api, briefing, matchmaking, supplier):
    s = api(supplier)
    missing = s.post(f"/events/{briefing.pk}/register", {})
    assert missing.status_code == 400 and "참석 목적" in missing.json()["detail"]
    assert s.post(f"/events/{briefing.pk}/register", {"space_interest": "castle"}).status_code == 422
    not_registered = s.post(f"/events/{matchmaking.pk}/requests", {"recipient": 1})
    assert not_registered.status_code == 400 and not_registered.json()["detail"]
    s.post(f"/events/{matchmaking.pk}/register", {})
    unknown = s.post(f"/events/{matchmaking.pk}/requests", {"recipient": 999999})
    assert unknown.status_code == 400 and "recipient" in unknown.json()["errors"]
    assert s.post(f"/events/{matchmaking.pk}/requests", {"recipient": 1, "priority": 2}).status_code == 422
    assert s.get("/events/999999").status_code == 404
    assert api(None).get("/events").status_code == 401
