from __future__ import annotations

from django.db.models import Q

from dxhub.reference.models import KsicCode, Region


def ksic_subtree_q(code: str, field: str) -> Q:
    """Rows whose KSIC code (at `field`) lies under `code`: a section letter or a numeric prefix."""
    code = code.strip().upper()
    if len(code) == 1 and code.isalpha():
        return Q(**{f"{field}__section": code})
    return Q(**{f"{field}__code__startswith": code})


def region_q(code: str, field: str) -> Q:
    """Rows in region `code`: a 시도 (2 digits) matches all its 시군구."""
    code = code.strip()
    return Q(**{f"{field}__code__startswith": code}) if len(code) == 2 else Q(**{f"{field}__code": code})


def ksic_choices(level: int = 2) -> list[tuple[str, str]]:
    return [
        (k.code, f"{k.code} {k.name}") for k in KsicCode.objects.filter(level__lte=level).order_by("code")
    ]


def sido_choices() -> list[tuple[str, str]]:
    return [(r.code, r.name) for r in Region.objects.filter(level=Region.Level.SIDO)]
