"""The same journey through the REST API: interest to a verified outcome, with the same refusals."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from dxhub.collab.models import Meeting


def test_journey_through_the_api(api, need, demander, supplier, operator):
    sup, dem, op = api(supplier), api(demander), api(operator)
    r = sup.post(
        "/collaborations",
        {"need_id": need.pk, "supplier_id": supplier.company_id, "message": "관심 있습니다"},
    )
    assert r.status_code == 201, r.content
    cid = r.json()["id"]
    assert r.json()["stage"] == "interest" and r.json()["contacts"]["demander"] is None

    assert (
        sup.post(f"/collaborations/{cid}/messages", {"text": "안녕하세요"}).status_code == 400
    )  # not mutual yet
    assert dem.post(f"/collaborations/{cid}/accept").json()["stage"] == "mutual"
    assert dem.post(f"/collaborations/{cid}/accept").json()["stage"] == "mutual"  # second click
    assert sup.post(f"/collaborations/{cid}/messages", {"text": "안녕하세요"}).status_code == 201
    assert [m["text"] for m in dem.get(f"/collaborations/{cid}/messages").json()] == ["안녕하세요"]

    soon = (timezone.now() + timedelta(days=3)).isoformat()
    body = dem.post(
        f"/collaborations/{cid}/meetings",
        {"mode": "online", "location": "https://meet.example.kr/a", "options": [soon]},
    ).json()
    meeting = body["meetings"][0]
    r = sup.post(f"/collaborations/{cid}/meetings/{meeting['id']}/accept", {"option": meeting["options"][0]})
    assert r.json()["stage"] == "meeting"
    # Proposals follow a meeting that took place.
    proposal = {
        "scope": "검사 자동화",
        "deliverables": "SW",
        "schedule": "3개월",
        "duration_months": 3,
        "price": 5_000_000,
    }
    assert sup.post(f"/collaborations/{cid}/proposals", proposal).status_code == 400
    Meeting.objects.filter(pk=meeting["id"]).update(starts_at=timezone.now() - timedelta(hours=1))
    assert (
        sup.post(f"/collaborations/{cid}/meetings/{meeting['id']}/notes", {"notes": "현장 확인"}).status_code
        == 200
    )
    body = sup.post(f"/collaborations/{cid}/proposals", proposal).json()
    pid = body["proposals"][0]["id"]
    assert body["stage"] == "proposal"
    assert (
        sup.post(f"/collaborations/{cid}/proposals/{pid}/accept").status_code == 403
    )  # not the supplier's call
    assert dem.post(f"/collaborations/{cid}/agreement/confirm").status_code == 400  # no agreement yet
    assert dem.post(f"/collaborations/{cid}/proposals/{pid}/accept").json()["stage"] == "agreement"
    dem.post(f"/collaborations/{cid}/agreement/confirm")
    assert sup.post(f"/collaborations/{cid}/agreement/confirm").json()["stage"] == "project"
    body = sup.post(f"/collaborations/{cid}/milestones", {"title": "PoC", "deliverable": "보고서"}).json()
    sup.post(f"/collaborations/{cid}/milestones/{body['milestones'][0]['id']}/done")
    assert (
        dem.post(f"/collaborations/{cid}/complete", {"achieved_kpi": "검출률 97%"}).json()["stage"]
        == "completed"
    )
    assert op.post(f"/collaborations/{cid}/verify", {}).status_code == 400  # ratings first
    dem.post(f"/collaborations/{cid}/rate", {"rating": 5, "review": "만족"})
    sup.post(f"/collaborations/{cid}/rate", {"rating": 4})
    assert dem.post(f"/collaborations/{cid}/verify", {}).status_code == 403
    body = op.post(f"/collaborations/{cid}/verify", {"note": "성과 확인"}).json()
    assert body["stage"] == "verified" and body["outcome"]["verified"]

    board = op.get("/collaborations/board").json()
    assert board["counts"]["verified"] == 1 and board["funnel"]["verified"] == 1


def test_bad_input_is_a_4xx_with_a_message(api, need, supplier, demander):
    sup = api(supplier)
    for body in [
        {},
        {"need_id": "x", "supplier_id": 1},
        {"need_id": 2**70, "supplier_id": 1},
        {"need_id": 999999, "supplier_id": 1},
    ]:
        r = sup.post("/collaborations", body)
        assert 400 <= r.status_code < 500 and isinstance(r.json()["detail"], str)
    r = sup.post("/collaborations", {"need_id": need.pk, "supplier_id": demander.company_id})
    assert r.status_code == 400  # the demander is no supplier
    assert api(None).get("/collaborations").status_code == 401
    assert sup.get("/collaborations/board").status_code == 403
    assert sup.post("/collaborations/99999999/accept").status_code == 404
    assert sup.get("/collaborations", {"stage": "nonsense"}).status_code == 400
    assert sup.get("/collaborations", {"stage": "interest"}).json()["count"] == 0
