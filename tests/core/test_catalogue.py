"""The Korean catalogue is complete: a missing entry would show English in a Korean-first interface."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "dxhub"
CATALOGUE = PACKAGE / "locale" / "ko" / "LC_MESSAGES" / "django.po"
# Newer apps keep their own catalogue beside their code (makemessages routes an app's strings there).
CATALOGUES = [CATALOGUE, *sorted(PACKAGE.glob("*/locale/ko/LC_MESSAGES/django.po"))]


def entries(path: Path) -> list[dict[str, str]]:
    """A small .po reader: msgid, msgid_plural and msgstr/msgstr[0] per entry, with flags."""
    found: list[dict[str, str]] = []
    current: dict[str, str] = {}
    key = ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if current:
                found.append(current)
            current, key = {}, ""
        elif line.startswith("#,"):
            current["flags"] = line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            current[key] = ast.literal_eval(value)
    return found


def test_the_main_catalogue_is_substantial():
    assert len(entries(CATALOGUE)) > 100


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_korean_entry_is_translated_and_not_fuzzy(path):
    items = entries(path)
    untranslated = [e["msgid"] for e in items[1:] if not (e.get("msgstr") or e.get("msgstr[0]"))]
    fuzzy = [e["msgid"] for e in items if "fuzzy" in e.get("flags", "")]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_placeholders_survive_translation(path):
    pattern = re.compile(r"%\(\w+\)[sd]")
    for e in entries(path)[1:]:
        translation = e.get("msgstr") or e.get("msgstr[0]", "")
        assert sorted(pattern.findall(e["msgid"])) == sorted(pattern.findall(translation)), e["msgid"]
