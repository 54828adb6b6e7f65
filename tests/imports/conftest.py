"""Import tests read messages in English (their msgids); test_import_korean.py checks the Korean default."""

from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_messages(request, settings):
    if request.module.__name__.endswith("test_import_korean"):
        yield
        return
    settings.LANGUAGE_CODE = "en"  # pages, through LocaleMiddleware's fallback
    with translation.override("en"):  # services and the console
        yield
