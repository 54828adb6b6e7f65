"""Uploaded spreadsheets waiting for an operator's commit after their dry run."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """One uploaded file: checked on upload, written all at once on commit."""

    class Kind(models.TextChoices):
        COMPANIES = "companies", _("companies")
        NEEDS = "needs", _("needs")

    class Status(models.TextChoices):
        CHECKED = "checked", _("checked")
        COMMITTED = "committed", _("committed")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    filename = models.CharField(_("file name"), max_length=200)
    content = models.BinaryField(_("content"))
    uploaded_by = models.ForeignKey(
        "accounts.User", verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    hub = models.ForeignKey(
        "hubs.Hub", verbose_name=_("hub"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CHECKED)
    summary = models.JSONField(_("summary"), default=dict)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.filename}"
