"""Form pieces every app uses (docs/ui-guide-ko.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _


def no_default(choices: Iterable[tuple[Any, Any]], prompt: Any = None) -> list[tuple[Any, Any]]:
    """Choices led by an empty "choose" entry, so an outcome-recording choice is never preselected.

    With `required=True` on the field, sending the empty entry is refused with a message by the field.
    """
    return [("", prompt or _("Choose…")), *choices]
