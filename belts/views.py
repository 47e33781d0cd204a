"""Belts' pages: the public list and belt page (figures from the open statistics), a firm's answers, creation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from agencies.models import AgencyStatus
from agencies.selectors import agencies_of, agency_for
from belts import charts, selectors, services
from belts.forms import BeltForm
from observatory import selectors as observatory_selectors
from observatory.compute import EARLIER
from observatory.tables import province_names
from platform_.errors import DomainError, NotFound
from platform_.identity.middleware import signed_in
from platform_.identity.models import localized


def _label(row: dict[str, Any]) -> str:
    return localized(row["name_zh"], row["name_en"])


def _province(code: str) -> str:
    return localized(*province_names().get(code, (code, code)))


def index(request: HttpRequest) -> HttpResponse:
    """Every belt with its published figures (a dash before the first refresh or where a figure is hidden)."""
    stats = observatory_selectors.open_statistics_current()
    published = stats.data.get("belts", {}) if stats else {}
    rows = []
    for belt in selectors.belts_all():
        figures = published.get(str(belt.pk), {})
        rows.append({"belt": belt, "province": _province(belt.province), "figures": figures})
    verified = agencies_of(user=request.user).filter(status=AgencyStatus.VERIFIED)
    may_create = request.user.is_authenticated and (signed_in(request).is_platform_admin or verified.exists())
    return render(request, "belts/index.html", {"rows": rows, "stats": stats, "may_create": may_create})


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A belt's public page: growth, knowledge use from outside over time, clusters reaching in, flows."""
    try:
        belt = selectors.belt_get(belt_id=pk)
    except NotFound as error:
        raise Http404(error.message) from error
    stats = observatory_selectors.open_statistics_current()
    figures = selectors.belt_public_figures(belt_id=belt.pk, stats=stats)
    context: dict[str, Any] = {"belt": belt, "stats": stats, "figures": figures, "province": _province(belt.province)}
    if figures and stats:
        published = stats.data.get("belts", {})
        names = {int(b): _label(row) for b, row in published.items()}
        months = stats.data["months"]
        context["charts"] = [charts.growth(months, figures["growth"]), charts.shares(months, figures["share_series"])]
        context["earlier"] = figures["growth"].get(EARLIER, {})
        context["inflows"] = [(names.get(a, a), a, v) for a, b, v in stats.data.get("belt_flows", []) if b == belt.pk]
        context["outflows"] = [(names.get(b, b), b, v) for a, b, v in stats.data.get("belt_flows", []) if a == belt.pk]
        context["clusters"] = [(_label(c), c["members_from_belt"]) for c in figures["clusters"]]
    return render(request, "belts/detail.html", context)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """The belts suggested to the acting firm and its answers; its owners and administrators answer."""
    firm = getattr(request, "firm", None)
    if not firm:
        messages.error(request, _("Register or choose a firm first."))
        return redirect("home")
    rows = selectors.belts_for_firm(firm=firm)
    return render(request, "belts/mine.html", {"firm": firm, "rows": rows})


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    firm = getattr(request, "firm", None)
    if not firm:
        raise Http404(_("Register or choose a firm first."))
    try:
        belt = selectors.belt_get(belt_id=pk)
        confirm = request.POST.get("confirm") == "1"
        services.belt_membership_answer(belt=belt, firm=firm, by=signed_in(request), confirm=confirm)
    except NotFound as error:
        raise Http404(error.message) from error
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Your firm is a member of %(belt)s.") % {"belt": belt.name}
            if confirm
            else _("Your firm is not a member of %(belt)s.") % {"belt": belt.name},
        )
    return redirect("belts:mine")


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    """A platform administrator, or a verified agency within its jurisdiction, creates a belt."""
    agencies = agencies_of(user=request.user).filter(status=AgencyStatus.VERIFIED)
    if not signed_in(request).is_platform_admin and not agencies.exists():
        raise Http404(_("Only platform administrators and verified agencies create belts."))
    form = BeltForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            belt = services.belt_create(
                by=signed_in(request),
                name_zh=data["name_zh"],
                name_en=data["name_en"],
                province=data["province"],
                city=data["city"],
                sectors=list(data["sectors"]),
                description=data["description"],
                agency=data["agency"],
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Belt created: its firms are invited to confirm their membership."))
            return redirect("belts:detail", belt.pk)
    return render(request, "belts/form.html", {"form": form})


@login_required
def agency(request: HttpRequest, pk: int) -> HttpResponse:
    """For an agency's people: the belts its jurisdiction covers or holds members of, with their public figures."""
    try:
        found = agency_for(user=request.user, agency_id=pk)
    except NotFound as error:
        raise Http404(error.message) from error
    rows = selectors.belts_for_agency(agency=found)
    return render(request, "belts/agency.html", {"agency": found, "rows": rows})
