"""Pages for firm administrators: API keys (created, shown once, revoked) and webhooks with their log."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from platform_.api import call_log, keys, webhooks
from platform_.api.forms import ApiKeyForm, GroupRobotForm, WebhookEndpointForm
from platform_.api.models import ApiCall
from platform_.api.webhooks.robot_channels import group_robot_add
from platform_.errors import DomainError
from platform_.identity.middleware import signed_in
from platform_.identity.models import Firm


def _managed_firm(request: HttpRequest) -> Firm:
    membership = getattr(request, "firm_member", None)
    if not membership or not membership.manages:
        raise PermissionDenied(_("Only the firm's owners and administrators manage its API keys and webhooks."))
    return membership.firm


@login_required
def api_keys(request: HttpRequest) -> HttpResponse:
    firm = _managed_firm(request)
    issued = None
    form = ApiKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        expires = form.cleaned_data.get("expires_at")
        try:
            issued = keys.api_key_create(
                firm=firm,
                by=signed_in(request),
                name=form.cleaned_data["name"],
                scopes=form.scopes(),
                expires_at=timezone.make_aware(datetime.combine(expires, time.max)) if expires else None,
            )
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            form = ApiKeyForm()
    call_log.flush(max_batches=1)  # the calls of the last few seconds too, not only those the beat task wrote
    recent_calls = ApiCall.objects.filter(key__firm=firm).select_related("key").order_by("-at")[:20]
    return render(
        request,
        "api/api_keys.html",
        {
            "firm": firm,
            "keys": keys.keys_of(firm=firm),
            "form": form,
            "issued": issued,
            "recent_calls": recent_calls,
        },
    )


@login_required
@require_POST
def api_key_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    firm = _managed_firm(request)
    key = get_object_or_404(keys.keys_of(firm=firm), pk=pk)
    keys.api_key_revoke(key=key, by=signed_in(request))
    messages.success(request, _("The key %(name)s is revoked.") % {"name": key.name})
    return redirect("partner_api:keys")


@login_required
def webhook_list(request: HttpRequest) -> HttpResponse:
    firm = _managed_firm(request)
    form = WebhookEndpointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            endpoint = webhooks.webhook_endpoint_create(firm=firm, by=signed_in(request), **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("Webhook endpoint added. Its signing secret is shown on its page."))
            return redirect("partner_api:webhook-detail", pk=endpoint.pk)
    return render(
        request,
        "api/webhooks.html",
        {
            "firm": firm,
            "endpoints": webhooks.endpoints_of(firm=firm),
            "form": form,
        },
    )


@login_required
def robot_add(request: HttpRequest) -> HttpResponse:
    """Add a group-chat robot: the firm's chosen events reach the group, in its language."""
    firm = _managed_firm(request)
    form = GroupRobotForm(request.POST or None, initial={"language": getattr(request, "LANGUAGE_CODE", "")})
    if request.method == "POST" and form.is_valid():
        try:
            endpoint = group_robot_add(firm=firm, by=signed_in(request), **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            messages.success(request, _("Group-chat robot added."))
            return redirect("partner_api:webhook-detail", pk=endpoint.pk)
    return render(request, "api/robot_add.html", {"firm": firm, "form": form})


@login_required
def webhook_detail(request: HttpRequest, pk: int) -> HttpResponse:
    firm = _managed_firm(request)
    endpoint = get_object_or_404(webhooks.endpoints_of(firm=firm), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "toggle":
            webhooks.webhook_endpoint_update(endpoint=endpoint, by=signed_in(request), active=not endpoint.active)
        elif action == "delete":
            webhooks.webhook_endpoint_delete(endpoint=endpoint, by=signed_in(request))
            messages.success(request, _("Webhook endpoint deleted."))
            return redirect("partner_api:webhooks")
        return redirect("partner_api:webhook-detail", pk=endpoint.pk)
    deliveries = Paginator(endpoint.deliveries.order_by("-id"), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "api/webhook_detail.html",
        {
            "firm": firm,
            "endpoint": endpoint,
            "deliveries": deliveries,
        },
    )


@login_required
@require_POST
def webhook_replay(request: HttpRequest, pk: int) -> HttpResponse:
    firm = _managed_firm(request)
    delivery = get_object_or_404(webhooks.deliveries_of(firm=firm), pk=pk)
    webhooks.webhook_delivery_replay(delivery=delivery, by=signed_in(request))
    messages.success(request, _("The event is queued for delivery again."))
    return redirect("partner_api:webhook-detail", pk=delivery.endpoint_id)
