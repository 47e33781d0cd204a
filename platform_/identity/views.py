"""Pages of identity: the home page, firm registration and profile, people and invitations."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from platform_.errors import DomainError
from platform_.identity import services
from platform_.identity.forms import (
    FirmForm,
    FirmSwitchForm,
    InvitationForm,
    RoleForm,
    add_domain_error,
)
from platform_.identity.middleware import SESSION_KEY, signed_in
from platform_.identity.models import Firm, FirmInvitation, FirmMember, FirmRole
from platform_.identity.selectors import firm_members, member_of
from platform_.panels import panels_render


def home(request: HttpRequest) -> HttpResponse:
    """What the platform is; for a signed-in person, their invitations, their firm and the panels the
    domains register for the home page (``platform_.panels``: their clusters, pending items, partners)."""
    context: dict[str, Any] = {}
    user = request.user
    if user.is_authenticated:
        context["open_invitations"] = list(
            FirmInvitation.objects.filter(
                email__iexact=user.email,
                accepted_at__isnull=True,
                revoked_at__isnull=True,
                expires_at__gt=timezone.now(),
            ).select_related("firm")[:10]
        )
        context["panels"] = {
            region: panels_render(page="home", region=region, request=request)
            for region in ("firm_links", "firm", "main")
        }
    return render(request, "home.html", context)


def _firm_and_member(request: HttpRequest, pk: int) -> tuple[Firm, FirmMember | None]:
    firm = get_object_or_404(Firm, pk=pk, is_active=True)
    return firm, member_of(user=signed_in(request), firm=firm)


@login_required
def firm_create(request: HttpRequest) -> HttpResponse:
    form = FirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            firm = services.firm_create(by=signed_in(request), **data)
        except (DomainError, ValidationError) as error:
            add_domain_error(form, error)
        else:
            request.session[SESSION_KEY] = firm.pk
            messages.success(request, _("%(firm)s is registered. Welcome!") % {"firm": firm.name})
            return redirect(firm.get_absolute_url())
    return render(request, "identity/firm_form.html", {"form": form, "creating": True})


@login_required
def firm_detail(request: HttpRequest, pk: int) -> HttpResponse:
    firm, member = _firm_and_member(request, pk)
    firm = Firm.objects.filter(pk=firm.pk).prefetch_related("sectors", "capabilities", "needs").get()
    panels = panels_render(page="firm", region="main", request=request, firm=firm)
    return render(request, "identity/firm_detail.html", {"firm": firm, "member": member, "panels": panels})


@login_required
def firm_edit(request: HttpRequest, pk: int) -> HttpResponse:
    firm, member = _firm_and_member(request, pk)
    if member is None or not member.manages:
        raise PermissionDenied(_("Only the owner or an administrator of the firm may do this."))
    form = FirmForm(request.POST or None, instance=Firm.objects.get(pk=firm.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.firm_update(firm=firm, by=signed_in(request), **form.cleaned_data)
        except (DomainError, ValidationError) as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The profile is saved."))
            return redirect(firm.get_absolute_url())
    return render(request, "identity/firm_form.html", {"form": form, "firm": firm, "creating": False})


@login_required
def firm_people(request: HttpRequest, pk: int) -> HttpResponse:
    firm, member = _firm_and_member(request, pk)
    if member is None:
        raise PermissionDenied(_("Only the firm's people may see who works there."))
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                firm=firm,
                by=signed_in(request),
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except DomainError as error:
            if error.field in form.fields:
                add_domain_error(form, error)
            else:
                messages.error(request, str(error.message))
        else:
            messages.success(request, _("An invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("identity:firm-people", pk=firm.pk)
    invitations = []
    if member.manages:
        invitations = [
            invitation
            for invitation in firm.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True)
            if invitation.is_open
        ]
    return render(
        request,
        "identity/firm_people.html",
        {
            "firm": firm,
            "member": member,
            "people": firm_members(firm=firm),
            "form": form,
            "invitations": invitations,
            "roles": FirmRole.choices,
        },
    )


@login_required
@require_POST
def member_role(request: HttpRequest, pk: int, member_id: int) -> HttpResponse:
    firm, _member = _firm_and_member(request, pk)
    target = get_object_or_404(FirmMember.objects.select_related("user", "firm"), pk=member_id, firm=firm)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
    else:
        try:
            services.member_set_role(member=target, by=signed_in(request), role=form.cleaned_data["role"])
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The role of %(person)s is changed.") % {"person": target.user})
    return redirect("identity:firm-people", pk=firm.pk)


@login_required
@require_POST
def member_remove(request: HttpRequest, pk: int, member_id: int) -> HttpResponse:
    firm, _member = _firm_and_member(request, pk)
    target = get_object_or_404(FirmMember.objects.select_related("user", "firm"), pk=member_id, firm=firm)
    leaving = target.user_id == request.user.pk
    try:
        services.member_remove(member=target, by=signed_in(request))
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("identity:firm-people", pk=firm.pk)
    if leaving:
        messages.success(request, _("You have left %(firm)s.") % {"firm": firm.name})
        request.session.pop(SESSION_KEY, None)
        return redirect("home")
    messages.success(request, _("%(person)s is removed from the firm.") % {"person": target.user})
    return redirect("identity:firm-people", pk=firm.pk)


@login_required
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = FirmInvitation.objects.select_related("firm", "invited_by").filter(token=token).first()
    if invitation is None or not invitation.is_open:
        return render(request, "identity/invitation_accept.html", {"invitation": None}, status=404)
    wrong_person = invitation.email.lower() != signed_in(request).email.lower()
    if request.method == "POST":
        try:
            member = services.invitation_accept(token=token, by=signed_in(request))
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            request.session[SESSION_KEY] = member.firm_id
            messages.success(request, _("You have joined %(firm)s.") % {"firm": member.firm.name})
            return redirect(member.firm.get_absolute_url())
    return render(request, "identity/invitation_accept.html", {"invitation": invitation, "wrong_person": wrong_person})


@login_required
@require_POST
def firm_switch(request: HttpRequest) -> HttpResponse:
    """Choose which of one's firms to act for (kept in the session)."""
    form = FirmSwitchForm(request.POST)
    if form.is_valid() and member_of(user=signed_in(request), firm=form.cleaned_data["firm"]) is not None:
        request.session[SESSION_KEY] = form.cleaned_data["firm"]
        firm = Firm.objects.get(pk=form.cleaned_data["firm"])
        messages.success(request, _("You are now acting for %(firm)s.") % {"firm": firm.name})
    else:
        messages.error(request, _("You do not belong to that firm."))
    target = request.POST.get("next") or reverse("home")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("home")
    return HttpResponseRedirect(target)
