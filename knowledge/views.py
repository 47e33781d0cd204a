"""Pages of the knowledge domain: browse and search, share, files, requests, moderation and statistics."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from knowledge import coownership, owner_requests, selectors, services
from knowledge.embargo import content_withheld
from knowledge.forms import (
    AssetForm,
    DecideForm,
    LinkForm,
    MessageForm,
    ModerationForm,
    ReasonForm,
    SearchForm,
    VersionForm,
)
from knowledge.models import (
    AccessRequest,
    Asset,
    AssetStatus,
    AssetVersion,
    KnowledgeCategory,
    LicenceRequest,
    UseKind,
)
from knowledge.moderation import appeals_to_decide, versions_for
from knowledge.rendering import markdown_html
from knowledge.sharing_views import sharing_detail_context
from platform_.errors import DomainError, NotAllowed, NotFound
from platform_.files import file_response
from platform_.identity.forms import add_domain_error
from platform_.identity.middleware import acting_firm, acting_firm_required

PAGE_SIZE = 20


def _choice_labels(field: forms.Field) -> dict[Any, Any]:
    """Value → label of a flat choice field (Django normalises its choices to a list of pairs)."""
    choices: Any = cast(forms.ChoiceField, field).choices
    return dict(choices)


def index(request: HttpRequest) -> HttpResponse:
    """Browse and search what the visitor may see, with facets counted over the same set."""
    form = SearchForm(request.GET or None)
    filters = form.filters() if form.is_valid() else {"query": ""}
    page = (form.cleaned_data.get("page") if form.is_valid() else None) or 1
    found = selectors.asset_search(
        user=request.user, firm=acting_firm(request), limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, **filters
    )
    params = request.GET.copy()
    params.pop("page", None)
    kinds = _choice_labels(form.fields["kind"])
    licences = _choice_labels(form.fields["licence"])
    for row in found.facets.get("kind", []):
        row["label"] = kinds.get(row["kind"], row["kind"])
    for row in found.facets.get("licence", []):
        row["label"] = licences.get(row["licence"], row["licence"])
    context = {
        "form": form,
        "found": found,
        "page": page,
        "has_next": page * PAGE_SIZE < found.total,
        "params": params.urlencode(),
        "top_categories": KnowledgeCategory.objects.filter(parent__isnull=True),
    }
    template = "knowledge/_results.html" if request.headers.get("HX-Request") else "knowledge/index.html"
    return render(request, template, context)


def _asset_or_refusal(request: HttpRequest, pk: int) -> Asset | HttpResponse:
    try:
        return selectors.asset_get(user=request.user, firm=acting_firm(request), pk=pk)
    except NotAllowed as refusal:
        if not request.user.is_authenticated:
            raise Http404 from refusal
        stub = Asset.objects.get(pk=pk)
        context = {
            "asset_id": pk,
            "form": MessageForm(),
            "message": refusal.message,
            "requested": AccessRequest.objects.filter(asset=stub, firm=acting_firm(request), status="pending").exists(),
        }
        return render(request, "knowledge/restricted.html", context, status=403)
    except NotFound as missing:
        raise Http404 from missing


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _asset_or_refusal(request, pk)
    if isinstance(asset, HttpResponse):
        return asset
    firm = acting_firm(request)
    services.use_record(firm=firm, user=request.user, asset=asset, kind=UseKind.VIEW)
    owner = selectors.is_owner(firm=firm, asset=asset)
    moderator = selectors.may_moderate(user=request.user, asset=asset)
    withheld = content_withheld(asset=asset, user=request.user, firm=firm)
    context: dict[str, Any] = {
        "asset": asset,
        "body_html": "" if withheld else markdown_html(asset.body),
        "owners": asset.ownerships.select_related("firm"),
        "pending_owners": selectors.coownership_pending_for_owners(asset=asset, firm=firm),
        "versions": [] if withheld else list(versions_for(asset=asset, user=request.user, firm=firm)),
        "categories": list(asset.categories.all()),
        "cites": asset.outgoing_links.select_related("cited").filter(
            cited__in=selectors.assets_visible_to(user=request.user, firm=firm)
        ),
        "cited_by": asset.incoming_links.select_related("citing").filter(
            citing__in=selectors.assets_visible_to(user=request.user, firm=firm)
        ),
        "is_owner": owner,
        "may_download": selectors.asset_may_download(user=request.user, firm=firm, asset=asset),
        "may_moderate": moderator,
        "moderates_own_firm": moderator and selectors.moderates_own_firm(user=request.user, asset=asset),
        "editable": owner and asset.status in services.EDITABLE,
        "version_form": VersionForm(),
        "moderation_form": ModerationForm(),
        "report_form": ReasonForm(),
        "message_form": MessageForm(),
        "link_form": LinkForm(),
        "decisions": asset.decisions.select_related("decided_by")[:20] if owner else [],
    }
    context.update(sharing_detail_context(request, asset=asset, owner=owner, withheld=withheld))
    if owner:
        context["stats"] = selectors.asset_use_statistics(asset=asset)
    elif firm and asset.status == AssetStatus.PUBLISHED:
        context["my_assets"] = selectors.assets_owned_by(firm=firm).exclude(status=AssetStatus.TAKEN_DOWN)[:50]
    return render(request, "knowledge/detail.html", context)


def _version(request: HttpRequest, pk: int, number: int) -> tuple[Asset, AssetVersion]:
    asset = _asset_or_refusal(request, pk)
    if isinstance(asset, HttpResponse):
        raise Http404
    if not selectors.asset_may_download(user=request.user, firm=acting_firm(request), asset=asset):
        raise Http404
    versions = versions_for(asset=asset, user=request.user, firm=acting_firm(request))
    return asset, get_object_or_404(versions, number=number)


def download(request: HttpRequest, pk: int, number: int) -> HttpResponseBase:
    asset, version = _version(request, pk, number)
    services.use_record(firm=acting_firm(request), user=request.user, asset=asset, kind=UseKind.DOWNLOAD)
    return file_response(request, version.file, filename=version.original_name, content_type=version.content_type)


def preview(request: HttpRequest, pk: int, number: int) -> HttpResponseBase:
    _asset, version = _version(request, pk, number)
    if not version.preview:
        raise Http404
    # The platform drew this PNG itself (knowledge/files.py), so it may be shown in the page.
    return file_response(
        request, version.preview, filename=f"preview-{version.number}.png", content_type="image/png", inline=True
    )


@login_required
def create(request: HttpRequest) -> HttpResponse:
    firm = acting_firm(request)
    if not firm:
        messages.error(request, _("Register or join a firm to share knowledge."))
        return redirect("knowledge:index")
    form = AssetForm(request.POST or None, request.FILES or None, firm=firm)
    if request.method == "POST" and form.is_valid():
        co_owners = [f for f in form.cleaned_data["co_owners"] if f.pk != firm.pk]
        try:
            asset = services.asset_create(
                by=request.user,
                firm=firm,
                co_owners=[firm, *co_owners] if co_owners else None,
                uploaded_file=form.cleaned_data.get("file"),
                submit="submit" in request.POST,
                **form.service_fields(),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            _submitted_message(request, asset)
            return redirect(asset)
    return render(request, "knowledge/form.html", {"form": form, "creating": True})


def _submitted_message(request: HttpRequest, asset: Asset) -> None:
    if asset.status == AssetStatus.PENDING:
        messages.success(request, _("Submitted: the asset waits for a moderator's review."))
    elif asset.status == AssetStatus.PUBLISHED:
        messages.success(request, _("Published."))
    else:
        messages.success(request, _("Saved as a draft."))


def _owned(request: HttpRequest, pk: int) -> Asset:
    firm = acting_firm(request)
    asset = selectors.assets_owned_by(firm=firm).filter(pk=pk).first()
    if asset is None:
        raise Http404
    return asset


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _owned(request, pk)
    firm = acting_firm_required(request)
    initial = {
        "kind": asset.kind,
        "title_zh": asset.title_zh,
        "title_en": asset.title_en,
        "summary_zh": asset.summary_zh,
        "summary_en": asset.summary_en,
        "body": asset.body,
        "categories": asset.categories.all(),
        "tags": ", ".join(asset.tags),
        "licence": asset.licence,
        "licence_terms": asset.licence_terms,
        "access_level": asset.access_level,
        "access_clusters": asset.access_clusters.all(),
        "access_firms": ", ".join(asset.access_firms.values_list("credit_code", flat=True)),
        "creation_cost": asset.creation_cost,
    }
    form = AssetForm(request.POST or None, request.FILES or None, firm=firm, initial=initial, with_owners=False)
    if request.method == "POST" and form.is_valid():
        try:
            asset = services.asset_update(
                asset=asset,
                by=request.user,
                firm=firm,
                uploaded_file=form.cleaned_data.get("file"),
                submit="submit" in request.POST,
                **form.service_fields(),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            _submitted_message(request, asset)
            return redirect(asset)
    return render(request, "knowledge/form.html", {"form": form, "asset": asset})


def _act(request: HttpRequest, done: str, action: Any) -> HttpResponse | None:
    try:
        action()
    except DomainError as error:
        messages.error(request, str(error.message))
        return None
    messages.success(request, done)
    return None


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _owned(request, pk)
    try:
        asset = services.asset_submit(asset=asset, by=request.user)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        _submitted_message(request, asset)
    return redirect("knowledge:mine")


@login_required
@require_POST
def version_upload(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _owned(request, pk)
    form = VersionForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file."))
    else:
        _act(
            request,
            _("New version added."),
            lambda: services.version_add(asset=asset, by=request.user, uploaded_file=form.cleaned_data["file"]),
        )
    return redirect("knowledge:mine") if asset.status == AssetStatus.TAKEN_DOWN else redirect(asset)


def _visible(request: HttpRequest, pk: int) -> Asset:
    try:
        return selectors.asset_get(user=request.user, firm=acting_firm(request), pk=pk)
    except (NotAllowed, NotFound) as missing:
        raise Http404 from missing


@login_required
@require_POST
def licence_request(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _visible(request, pk)
    form = MessageForm(request.POST)
    form.is_valid()
    _act(
        request,
        _("Your request for a licence was sent to the owners."),
        lambda: owner_requests.licence_request_create(
            asset=asset,
            by=request.user,
            firm=acting_firm_required(request),
            message=form.cleaned_data.get("message", ""),
        ),
    )
    return redirect(asset)


@login_required
@require_POST
def access_request(request: HttpRequest, pk: int) -> HttpResponse:
    asset = Asset.objects.filter(pk=pk).first()
    if asset is None or not acting_firm(request):
        raise Http404
    form = MessageForm(request.POST)
    form.is_valid()
    try:
        owner_requests.access_request_create(
            asset=asset,
            by=request.user,
            firm=acting_firm_required(request),
            message=form.cleaned_data.get("message", ""),
        )
    except NotFound as missing:
        raise Http404 from missing
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Your request for access was sent to the owners."))
    return redirect("knowledge:index")


@login_required
@require_POST
def report(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _visible(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what is wrong."))
    else:
        _act(
            request,
            _("Thank you: the moderators will look at your report."),
            lambda: services.report_create(
                asset=asset, by=request.user, firm=acting_firm(request), reason=form.cleaned_data["reason"]
            ),
        )
    return redirect(asset)


@login_required
@require_POST
def link(request: HttpRequest, pk: int) -> HttpResponse:
    cited = _visible(request, pk)
    form = LinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of your assets."))
        return redirect(cited)
    citing = selectors.assets_owned_by(firm=acting_firm(request)).filter(pk=form.cleaned_data["citing"]).first()
    if citing is None:
        messages.error(request, _("Choose one of your assets."))
        return redirect(cited)
    if form.cleaned_data["kind"] == "citation":
        _act(
            request,
            _("Citation recorded."),
            lambda: services.asset_cite(
                citing=citing, cited=cited, by=request.user, firm=acting_firm_required(request)
            ),
        )
    else:
        _act(
            request,
            _("Derivation recorded."),
            lambda: services.asset_derive(
                derived=citing, source=cited, by=request.user, firm=acting_firm_required(request)
            ),
        )
    return redirect(cited)


@login_required
@require_POST
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    asset = Asset.objects.filter(pk=pk).first()
    if asset is None or not selectors.may_moderate(user=request.user, asset=asset):
        raise Http404
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision and give a reason."))
    else:
        _act(
            request,
            _("Decision recorded."),
            lambda: services.asset_moderate(
                asset=asset, by=request.user, decision=form.cleaned_data["decision"], reason=form.cleaned_data["reason"]
            ),
        )
    return redirect("knowledge:moderation")


@login_required
def moderation(request: HttpRequest) -> HttpResponse:
    queue = selectors.moderation_queue(user=request.user).prefetch_related("ownerships__firm", "versions")
    paginator = Paginator(queue, 30)
    page = paginator.get_page(request.GET.get("page"))
    for asset in page.object_list:
        asset.body_html = markdown_html(asset.body)
    context = {"page": page, "form": ModerationForm(), "appeals": appeals_to_decide(user=request.user)}
    return render(request, "knowledge/moderation.html", context)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    firm = acting_firm(request)
    assets = selectors.assets_owned_by(firm=firm).prefetch_related("decisions")
    paginator = Paginator(assets, 30)
    return render(request, "knowledge/mine.html", {"page": paginator.get_page(request.GET.get("page"))})


@login_required
def requests(request: HttpRequest) -> HttpResponse:
    pending = selectors.requests_for_owner(firm=acting_firm(request))
    coownership = selectors.coownership_requests_for(firm=acting_firm(request))
    context = {"pending": pending, "coownership": coownership, "form": DecideForm()}
    return render(request, "knowledge/requests.html", context)


COOWNERSHIP_ACTIONS: dict[str, tuple[Callable[..., Any], Any]] = {
    "accept": (coownership.coownership_request_accept, gettext_lazy("Your firm now co-owns the asset.")),
    "decline": (coownership.coownership_request_decline, gettext_lazy("Declined: your firm does not co-own it.")),
    "withdraw": (coownership.coownership_request_withdraw, gettext_lazy("Request withdrawn.")),
}


@login_required
@require_POST
def coownership_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept or decline a request naming the acting firm, or withdraw one it sent."""
    row = selectors.coownership_request_get(firm=acting_firm(request), pk=pk)
    action = COOWNERSHIP_ACTIONS.get(request.POST.get("action", ""))
    if row is None or action is None:
        raise Http404
    service, done = action
    _act(request, str(done), lambda: service(request=row, by=request.user))
    return redirect("knowledge:requests")


@login_required
@require_POST
def request_decide(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    model = {"licence": LicenceRequest, "access": AccessRequest}.get(kind)
    if model is None:
        raise Http404
    row = get_object_or_404(model, pk=pk)
    if not selectors.manages_owner(user=request.user, asset=row.asset):
        raise Http404
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose grant or refuse."))
        return redirect("knowledge:requests")
    decide: Callable[..., Any] = (
        owner_requests.licence_request_decide if kind == "licence" else owner_requests.access_request_decide
    )
    _act(
        request,
        _("Decision recorded."),
        lambda: decide(
            request=row,
            by=request.user,
            grant=form.cleaned_data["grant"],
            reason=form.cleaned_data.get("reason", ""),
            ends_on=form.cleaned_data.get("ends_on"),
        ),
    )
    return redirect("knowledge:requests")
