"""Demo stories that later apps add on top of the companies and needs (journeys, calls, events).

Each entry is a dotted path to a function `load(seed: int) -> str`: it creates its part of the demo
idempotently (a second run adds nothing) and returns one summary line for the command's report.
Apps add their own line here rather than editing the demo command.
"""

from __future__ import annotations

from collections.abc import Callable

from django.test.utils import override_settings
from django.utils.module_loading import import_string

EXTRAS: list[str] = [
    "dxhub.collab.demo.load",
    "dxhub.programmes.demo.load",
    "dxhub.events.demo.load",
]


# The stories replay a history whose e-mails went out at the time: the in-app notifications stay, but
# the demo command must not print a hundred console e-mails over its own summary.
NO_MAIL = {"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}


def run_extras(seed: int, progress: Callable[[str], object] | None = None) -> list[str]:
    lines = []
    with override_settings(MAILERS=NO_MAIL):
        for dotted in EXTRAS:
            loader = import_string(dotted)
            line = loader(seed=seed)
            if progress is not None:
                progress(line)
            lines.append(line)
    return lines
