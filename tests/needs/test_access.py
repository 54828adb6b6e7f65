"""Who may see and change needs: every need route and API operation, as every persona (tests/access.py)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dxhub.needs.models import Need, NeedAttachment
from tests import access
from tests.access import LOGIN, op, page
from tests.factories import NeedFactory

# Who sees the Changwon demander's hub-only need: its company, its hub's operator and members, ministry.
HUB_ONLY = {"busan_operator": 404, "ochang_member": 404, "evaluator": 404}
# Who may change it: its company, its hub's operator, ministry (its hub's suppliers read only).
HUB_ONLY_WRITE = {**HUB_ONLY, "supplier": 403, "supplier_owner": 403}
# A draft is seen by its company, its hub's operator and ministry only.
DRAFT = {**HUB_ONLY, "supplier": 404, "supplier_owner": 404}
VISITOR = {"anonymous": 404}
SIGNED_IN = {"anonymous": LOGIN}


def need(w):
    return [w["need"].pk]


def draft(w):
    return [w["draft"].pk]


@pytest.fixture
def world(settings, tmp_path, demander_company, ochang_company):
    settings.MEDIA_ROOT = tmp_path
    hub_only = NeedFactory(company=demander_company, visibility=Need.Visibility.HUB)
    attachment = NeedAttachment.objects.create(
        need=hub_only, name="도면.pdf", file=SimpleUploadedFile("도면.pdf", b"%PDF-1.4")
    )
    return {
        "need": hub_only,
        "attachment": attachment,
        "draft": NeedFactory(company=demander_company, status=Need.Status.DRAFT, title="초안 수요"),
        "closed": NeedFactory(company=demander_company, status=Need.Status.CLOSED, title="닫힌 수요"),
        "public": NeedFactory(company=ochang_company, visibility=Need.Visibility.PUBLIC, title="공개 수요"),
    }


NEW_NEED = {"title": "설비 예지보전", "site": "1공장 프레스", "problem": "프레스 고장으로 라인이 멈춥니다."}

ACCESS = [
    page("needs:list"),
    page("needs:list", query="?format=xlsx", case="export"),
    page("needs:detail", need, case="hub-only", **VISITOR, **HUB_ONLY),
    page("needs:detail", draft, case="draft", **VISITOR, **DRAFT),
    page("needs:detail", lambda w: [w["public"].pk], case="public"),
    page("needs:create", default=403, anonymous=LOGIN, demander=200, ochang_member=200),
    page("needs:create", method="post", default=403, anonymous=LOGIN, demander=200, ochang_member=200),
    page("needs:edit", need, **SIGNED_IN, **HUB_ONLY_WRITE),
    page("needs:edit", need, method="post", **SIGNED_IN, **HUB_ONLY_WRITE),
    page("needs:publish", draft, method="post", default=302, **SIGNED_IN, **DRAFT),
    page("needs:close", need, method="post", default=302, **SIGNED_IN, **HUB_ONLY_WRITE),
    page("needs:reopen", lambda w: [w["closed"].pk], method="post", default=302, **SIGNED_IN, **DRAFT),
    page("needs:attach", need, method="post", default=302, **SIGNED_IN, **HUB_ONLY_WRITE),
    page("needs:attachment", lambda w: [w["need"].pk, w["attachment"].pk], **VISITOR, **HUB_ONLY),
    op("GET /api/needs"),
    op("POST /api/needs", body=NEW_NEED, default=403, demander=201, ochang_member=201),
    op("GET /api/needs/{need_id}", lambda w: {"need_id": w["need"].pk}, case="hub-only", **HUB_ONLY),
    op("GET /api/needs/{need_id}", lambda w: {"need_id": w["draft"].pk}, case="draft", **DRAFT),
    op("GET /api/needs/{need_id}", lambda w: {"need_id": w["public"].pk}, case="public"),
    op(
        "PATCH /api/needs/{need_id}",
        lambda w: {"need_id": w["need"].pk},
        body={"target_kpi": "불량률 50% 감소"},
        **HUB_ONLY_WRITE,
    ),
    op("POST /api/needs/{need_id}/publish", lambda w: {"need_id": w["draft"].pk}, **DRAFT),
    op(
        "POST /api/needs/{need_id}/close",
        lambda w: {"need_id": w["need"].pk},
        body={"reason": "solved"},
        **HUB_ONLY_WRITE,
    ),
]


@pytest.mark.parametrize("row", access.params(ACCESS))
def test_access(row, world, request):
    access.check(row, world, access.people(request))
