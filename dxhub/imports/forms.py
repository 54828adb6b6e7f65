"""The upload form: what the file holds, the file, and (for ministry staff) the hub for rows without 거점."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dxhub.hubs.models import Hub
from dxhub.imports.models import ImportJob

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=ImportJob.Kind.choices)
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_(".xlsx (first sheet) or .csv (UTF-8 or CP949); the first filled row is the header."),
    )
    hub = forms.ModelChoiceField(
        label=_("Hub for rows without 거점"),
        queryset=Hub.objects.all(),
        required=False,
        empty_label=_("none"),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not getattr(user, "is_ministry", False):
            del self.fields["hub"]  # an operator's rows always go to their own hub

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        name = upload.name.lower()
        if not name.endswith((".xlsx", ".xlsm", ".csv")):
            raise forms.ValidationError(
                _("Upload a .xlsx or .csv file (Excel can save an old .xls as .xlsx).")
            )
        return upload
