"""QR codes of check-in links, as SVG data URIs: the page and the printed badge show the same link."""

from __future__ import annotations

import segno


def qr_data_uri(text: str, *, scale: int = 4) -> str:
    # Error level M survives a creased or partly covered badge; the link stays short enough for a
    # small symbol that a phone camera reads from arm's length.
    return str(segno.make(text, error="m").svg_data_uri(scale=scale, border=2))
