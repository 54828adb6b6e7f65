"""Hub pages and the capability taxonomy (kept as data, edited by operators)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from dxhub.hubs.access import get_hub_for_user
from dxhub.hubs.figures import hub_figures
from dxhub.hubs.forms import CapabilityForm, HubForm
from dxhub.hubs.models import Hub
from dxhub.reference.models import Capability


def hub_list(request: HttpRequest) -> HttpResponse:
    hubs = Hub.objects.select_related("region").prefetch_related("linked_hubs")
    return render(request, "hubs/list.html", {"figures": hub_figures(hubs), "nav_section": "hubs"})


def hub_detail(request: HttpRequest, pk: int) -> HttpResponse:
    hub = get_hub_for_user(request.user, pk)
    can_edit = request.user.is_authenticated and request.user.has_perm("hubs.change_hub", hub)
    return render(
        request,
        "hubs/detail.html",
        {"hub": hub, "figures": hub_figures([hub])[0], "can_edit": can_edit, "nav_section": "hubs"},
    )


@login_required
def hub_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if pk is None:
        if not request.user.has_perm("hubs.add_hub"):
            raise PermissionDenied
        hub = None
    else:
        hub = get_hub_for_user(request.user, pk, write=True)
    form = HubForm(request.POST or None, instance=hub)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("The hub was saved."))
        return redirect("hubs:detail", pk=saved.pk)
    return render(request, "hubs/form.html", {"form": form, "hub": hub, "nav_section": "hubs"})


@login_required
def capability_list(request: HttpRequest) -> HttpResponse:
    can_edit = request.user.has_perm("hubs.import_data")
    form = CapabilityForm(request.POST or None) if can_edit else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            form.save()
            messages.success(request, _("The capability was added."))
            return redirect("hubs:capabilities")
    return render(
        request,
        "hubs/capabilities.html",
        {"capabilities": Capability.objects.all(), "form": form, "nav_section": "hubs"},
    )


@login_required
def capability_edit(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("hubs.import_data"):
        raise PermissionDenied
    capability = Capability.objects.filter(pk=pk).first()
    if capability is None:
        raise Http404
    form = CapabilityForm(request.POST or None, instance=capability)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The capability was saved."))
        return redirect("hubs:capabilities")
    return render(request, "hubs/form.html", {"form": form, "nav_section": "hubs"})
