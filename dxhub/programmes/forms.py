"""Validation of programme page input; the services decide the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dxhub.accounts.models import User
from dxhub.companies.models import Company
from dxhub.hubs.models import Hub
from dxhub.programmes.models import Application, BudgetLine, Call, CallQuota, ChangeRequest, Panel

DT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CallForm(forms.ModelForm):
    hubs = forms.ModelMultipleChoiceField(label=_("hubs"), queryset=Hub.objects.all())
    criteria = forms.CharField(
        label=_("rubric"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("one criterion per line: name | weight; the weights add up to 100"),
    )
    quotas = forms.CharField(
        label=_("quotas"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("one per line: regional|young , count|share , value (e.g. young, count, 2)"),
    )

    class Meta:
        model = Call
        fields = [
            "title", "summary", "year", "opens_at", "deadline", "total_budget", "cap_per_project",
            "national_share_max", "local_share_min", "private_cash_min", "private_in_kind_max",
            "region_prefixes", "max_employees", "ksic_prefixes", "tenancies", "max_years_since_founding",
            "required_documents", "aggregation", "pass_mark",
        ]  # fmt: skip
        widgets = {"opens_at": DT, "deadline": DT, "summary": forms.Textarea(attrs={"rows": 3})}

    def clean_criteria(self) -> list[tuple[str, int]]:
        out = []
        for line in self.cleaned_data["criteria"].splitlines():
            if not line.strip():
                continue
            name, sep, weight = line.rpartition("|")
            if not sep or not name.strip() or not weight.strip().isdigit():
                raise forms.ValidationError(_("Write each criterion as “name | weight”."))
            out.append((name.strip()[:120], int(weight)))
        if sum(w for _n, w in out) != 100:
            raise forms.ValidationError(_("The rubric weights must add up to 100."))
        return out

    def clean_quotas(self) -> list[tuple[str, str, int]]:
        out = []
        for line in self.cleaned_data.get("quotas", "").splitlines():
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(",")]
            if (
                len(parts) != 3
                or parts[0] not in CallQuota.Group.values
                or parts[1] not in CallQuota.Kind.values
                or not parts[2].isdigit()
            ):
                raise forms.ValidationError(
                    _("Write each quota as “group, kind, value”, e.g. young, count, 2.")
                )
            if parts[1] == "share" and int(parts[2]) > 100:
                raise forms.ValidationError(_("A share is a percentage up to 100."))
            out.append((parts[0], parts[1], int(parts[2])))
        return out

    def service_fields(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("hubs", "criteria", "quotas")}


class ApplyForm(forms.Form):
    title = forms.CharField(label=_("project title"), max_length=150)
    supplier = forms.ModelChoiceField(
        label=_("supplier company"), queryset=Company.objects.filter(kind__in=["supplier", "both"])
    )
    others = forms.ModelMultipleChoiceField(
        label=_("other members"), queryset=Company.objects.all(), required=False
    )

    def __init__(self, *args: Any, needs: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["need"] = forms.ModelChoiceField(
            label=_("from the need"),
            queryset=needs if needs is not None else Company.objects.none(),
            required=False,
        )


class ApplicationForm(forms.ModelForm):
    """The plan; budget fields are added per item and source (`budget_<item>_<source>`)."""

    class Meta:
        model = Application
        fields = [
            "title",
            "problem",
            "target_kpi",
            "kpi_baseline",
            "kpi_target_value",
            "scope",
            "schedule_months",
        ]
        widgets = {"problem": forms.Textarea(attrs={"rows": 4}), "scope": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        existing = {}
        if self.instance.pk:
            existing = {(b.item, b.source): b.amount for b in self.instance.budget_lines.all()}
        for item, item_label in BudgetLine.Item.choices:
            for source, source_label in BudgetLine.Source.choices:
                self.fields[f"budget_{item}_{source}"] = forms.IntegerField(
                    label=f"{item_label} · {source_label}",
                    required=False,
                    min_value=0,
                    max_value=10**12,
                    initial=existing.get((item, source)),
                )

    def budget(self) -> dict[tuple[str, str], int]:
        out = {}
        for item in BudgetLine.Item.values:
            for source in BudgetLine.Source.values:
                value = self.cleaned_data.get(f"budget_{item}_{source}")
                if value:
                    out[(item, source)] = value
        return out

    def plan_fields(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith("budget_")}


class DocumentForm(forms.Form):
    kind = forms.CharField(label=_("document"), max_length=120)
    file = forms.FileField(label=_("file"))

    def clean_file(self) -> Any:
        f = self.cleaned_data["file"]
        if f.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("Files up to 10 MB."))
        return f


class PanelForm(forms.Form):
    stage = forms.ChoiceField(label=_("stage"), choices=Panel.Stage.choices)
    evaluators = forms.ModelMultipleChoiceField(
        label=_("evaluators"), queryset=User.objects.filter(role=User.Role.EVALUATOR, is_active=True)
    )
    per_application = forms.IntegerField(
        label=_("evaluators per application"), min_value=1, max_value=9, initial=3
    )


class AgreementForm(forms.Form):
    starts_on = forms.DateField(label=_("starts"), widget=DATE)
    ends_on = forms.DateField(label=_("ends"), widget=DATE)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] <= data["starts_on"]:
            raise forms.ValidationError(_("The end must come after the start."))
        return data


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("milestone"), max_length=150)
    due_on = forms.DateField(label=_("due"), widget=DATE)
    amount = forms.IntegerField(label=_("payment (won)"), min_value=1, max_value=10**12)


class ReportForm(forms.Form):
    report = forms.CharField(label=_("checkpoint report"), widget=forms.Textarea(attrs={"rows": 3}))


class MoneyForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("kind"), choices=[("spend", _("spent with evidence")), ("return", _("returned"))]
    )
    amount = forms.IntegerField(label=_("amount (won)"), min_value=1, max_value=10**12)
    evidence = forms.CharField(label=_("evidence"), max_length=200, required=False)


class ChangeForm(forms.Form):
    """A change request; the transfer fields count only for a budget change, and then all of them."""

    TRANSFER = ("source", "from_item", "to_item", "amount")

    kind = forms.ChoiceField(label=_("kind"), choices=ChangeRequest.Kind.choices)
    description = forms.CharField(label=_("description"), widget=forms.Textarea(attrs={"rows": 2}))
    source = forms.ChoiceField(
        label=_("source"), choices=[("", "---------"), *BudgetLine.Source.choices], required=False
    )
    from_item = forms.ChoiceField(
        label=_("moved from"), choices=[("", "---------"), *BudgetLine.Item.choices], required=False
    )
    to_item = forms.ChoiceField(
        label=_("moved to"), choices=[("", "---------"), *BudgetLine.Item.choices], required=False
    )
    amount = forms.IntegerField(label=_("amount moved (won)"), min_value=1, max_value=10**12, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") != ChangeRequest.Kind.BUDGET:
            # Hidden on the page for other kinds: whatever a browser still sends there means nothing.
            for name in self.TRANSFER:
                self.errors.pop(name, None)
            return {**data, "source": "", "from_item": "", "to_item": "", "amount": None}
        if any(name in self.errors for name in self.TRANSFER):
            return data  # the field's own error says it better
        if not all(data.get(name) for name in self.TRANSFER):
            raise forms.ValidationError(
                _(
                    "A budget change names the source, the item the money leaves, the item it goes to and the amount."
                )
            )
        if data["from_item"] == data["to_item"]:
            raise forms.ValidationError(_("The money moves between two different items."))
        return data

    def transfer_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.TRANSFER]


class ResultForm(forms.Form):
    kpi_achieved = forms.CharField(label=_("KPI achieved"), max_length=200)
    achieved = forms.BooleanField(label=_("target met"), required=False)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class FollowUpForm(forms.Form):
    months = forms.TypedChoiceField(
        label=_("months after the end"), choices=[(6, "6"), (12, "12")], coerce=int
    )
    sales = forms.IntegerField(label=_("added sales (won)"), min_value=0, max_value=10**13, initial=0)
    jobs = forms.IntegerField(label=_("new jobs"), min_value=-10_000, max_value=10_000, initial=0)
    investment = forms.IntegerField(
        label=_("further investment (won)"), min_value=0, max_value=10**13, initial=0
    )
