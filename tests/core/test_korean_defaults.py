"""Django's English empty choices never reach a Korean page: filters say 전체, forms say 선택하세요."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

DEFAULTS = ("---------", "Select an option")


def test_list_filters_offer_all_not_dashes(client, operator):
    client.force_login(operator)
    page = client.get(reverse("needs:list")).content.decode()
    assert '<option value="" selected>전체</option>' in page
    assert not [d for d in DEFAULTS if d in page]


def test_forms_ask_to_choose_in_korean(client, demander):
    client.force_login(demander)
    page = client.get(reverse("needs:create")).content.decode()
    assert not [d for d in DEFAULTS if d in page]


def test_a_model_choice_left_empty_reads_choose():
    from django import forms

    from dxhub.hubs.models import Hub

    class PickHub(forms.Form):
        hub = forms.ModelChoiceField(queryset=Hub.objects.all())

    html = str(PickHub()["hub"])
    assert '<option value="" selected>선택하세요</option>' in html
