"""사업자등록번호 (business registration number): 10 digits, the last a check digit."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def normalize_brn(raw: str) -> str:
    """Digits only: '123-45-67890' → '1234567890'."""
    return re.sub(r"[^0-9]", "", str(raw or ""))


def check_digit(first9: str) -> int:
    digits = [int(c) for c in first9]
    total = sum(d * w for d, w in zip(digits, WEIGHTS, strict=True))
    total += (digits[8] * 5) // 10
    return (10 - total % 10) % 10


def brn_problem(raw: str) -> str | None:
    """Why `raw` is not a valid number, or None when it is."""
    digits = normalize_brn(raw)
    if len(digits) != 10:
        return _("A business registration number has 10 digits.")
    if check_digit(digits[:9]) != int(digits[9]):
        return _("The check digit (last digit) of the business registration number does not match.")
    return None


def format_brn(digits: str) -> str:
    d = normalize_brn(digits)
    return f"{d[:3]}-{d[3:5]}-{d[5:]}" if len(d) == 10 else d


def make_brn(first9: str) -> str:
    """Completes nine digits with their check digit (used by the demo generator and tests)."""
    return first9 + str(check_digit(first9))
