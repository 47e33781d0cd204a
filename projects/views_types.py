"""Pages of the challenge types: ideation's ideas, RFP proposals and their comparison, the contract
(thin: parse, call one service or selector, render)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from platform_.errors import DomainError, NotFound
from platform_.identity.middleware import acting_firm, signed_in
from platform_.page_errors import domain_errors
from projects import selectors, selectors_types
from projects.forms_types import IdeaCommentForm, IdeaForm, MilestoneNoteForm, ProposalForm
from projects.models import Project, ProjectKind
from projects.models_types import ContractMilestone, Idea, IdeaAward, IdeaComment
from projects.services import contracts, idea_awards, ideas, proposals
from projects.services.lifecycle import allowed_actions
from projects.views import _project


def _action(page: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """POST actions of a types page: a domain refusal becomes a message on that page, never a 500."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        back = domain_errors(back=lambda pk, *args, **kwargs: reverse(page, args=[pk]))
        return login_required(require_POST(back(view)))

    return decorate


def _of_kind(request: HttpRequest, pk: int, kind: str) -> Project:
    project = _project(request, pk)
    if project.kind != kind:
        raise Http404
    return project


def _form_error(form: IdeaForm | IdeaCommentForm | ProposalForm | MilestoneNoteForm) -> DomainError:
    field, errors = next(iter(form.errors.items()))
    return DomainError(" ".join(str(e) for e in errors), field=field)


# --- ideation ----------------------------------------------------------------------------------


def ideas_page(request: HttpRequest, pk: int) -> HttpResponse:
    project = _of_kind(request, pk, ProjectKind.IDEATION)
    user, firm = request.user, acting_firm(request)
    comments = IdeaComment.objects.select_related("firm").order_by("created_at", "id")
    found = list(
        selectors_types.ideas_visible_to(user=user, firm=firm, project=project).prefetch_related(
            Prefetch("comments", queryset=comments)
        )
    )
    is_open = selectors_types.ideation_is_open(project=project)
    participant = selectors_types.participant_firm(user=user, firm=firm, project=project)
    return render(
        request,
        "projects/types/ideas.html",
        {
            "project": project,
            "ideas": found,
            "standing": [idea for idea in found if idea.merged_into_id is None],
            "is_open": is_open,
            "is_manager": selectors.is_sponsor_manager(user=user, project=project),
            "participant": participant,
            "may_engage": is_open and participant is not None and project.status == "open",
            "supported": selectors_types.supported_idea_ids(user=user, project=project),
            "credited": {
                idea.pk
                for idea in found
                if participant is not None and any(c.firm_id == participant.pk for c in idea.credits.all())
            },
            "idea_form": IdeaForm(),
            "comment_form": IdeaCommentForm(),
            "winners": set(IdeaAward.objects.filter(project=project).values_list("idea_id", flat=True)),
            "may_award": user.is_authenticated and "award_ideas" in allowed_actions(project=project, user=user),
        },
    )


@_action("projects:ideas")
def ideation_set(request: HttpRequest, pk: int) -> HttpResponse:
    project = _of_kind(request, pk, ProjectKind.IDEATION)
    ideas.ideation_set(project=project, by=signed_in(request), open=request.POST.get("open") == "1")
    messages.success(request, _("Saved."))
    return redirect("projects:ideas", pk)


@_action("projects:ideas")
def idea_submit(request: HttpRequest, pk: int) -> HttpResponse:
    project = _of_kind(request, pk, ProjectKind.IDEATION)
    form = IdeaForm(request.POST)
    if not form.is_valid():
        raise _form_error(form)
    ideas.idea_submit(project=project, by=signed_in(request), firm=acting_firm(request), **form.cleaned_data)
    messages.success(request, _("Idea received."))
    return redirect("projects:ideas", pk)


def _idea(request: HttpRequest, pk: int, idea_id: int) -> Idea:
    project = _of_kind(request, pk, ProjectKind.IDEATION)
    try:
        return selectors_types.idea_get(user=request.user, firm=acting_firm(request), project=project, idea_id=idea_id)
    except NotFound as error:
        raise Http404 from error


@_action("projects:ideas")
def idea_comment(request: HttpRequest, pk: int, idea_id: int) -> HttpResponse:
    idea = _idea(request, pk, idea_id)
    form = IdeaCommentForm(request.POST)
    if not form.is_valid():
        raise _form_error(form)
    ideas.idea_comment(idea=idea, by=signed_in(request), firm=acting_firm(request), text=form.cleaned_data["text"])
    return redirect(reverse("projects:ideas", args=[pk]) + f"#idea-{idea.pk}")


@_action("projects:ideas")
def idea_support(request: HttpRequest, pk: int, idea_id: int) -> HttpResponse:
    idea = _idea(request, pk, idea_id)
    ideas.idea_support(idea=idea, by=signed_in(request), firm=acting_firm(request))
    return redirect(reverse("projects:ideas", args=[pk]) + f"#idea-{idea.pk}")


@_action("projects:ideas")
def idea_merge(request: HttpRequest, pk: int, idea_id: int) -> HttpResponse:
    idea = _idea(request, pk, idea_id)
    wanted = [int(value) for value in request.POST.getlist("duplicates") if value.isdigit() and len(value) < 10]
    ideas.idea_merge(idea=idea, by=signed_in(request), duplicates=[Idea(pk=i) for i in wanted])
    messages.success(request, _("Ideas merged; their authors stay credited."))
    return redirect(reverse("projects:ideas", args=[pk]) + f"#idea-{idea.pk}")


@_action("projects:ideas")
def ideas_award(request: HttpRequest, pk: int) -> HttpResponse:
    project = _of_kind(request, pk, ProjectKind.IDEATION)
    wanted = [int(value) for value in request.POST.getlist("winners") if value.isdigit() and len(value) < 10]
    idea_awards.ideas_award(project=project, by=signed_in(request), winners=[Idea(pk=i) for i in wanted])
    messages.success(request, _("Awarded: the winning ideas' firms are credited and told."))
    return redirect(reverse("projects:ideas", args=[pk]) + "#ideas")


# --- RFP -----------------------------------------------------------------------------------------


def proposals_page(request: HttpRequest, pk: int) -> HttpResponse:
    project = _of_kind(request, pk, ProjectKind.RFP)
    user, firm = request.user, acting_firm(request)
    sponsor = selectors.is_sponsor(user=user, project=project)
    return render(
        request,
        "projects/types/proposals.html",
        {
            "project": project,
            # The sponsor's firm never proposes: what others see here is their own team's proposal.
            "own": [] if sponsor else list(selectors_types.proposals_visible_to(user=user, project=project)),
            "is_sponsor": sponsor,
            "acceptance": selectors.acceptance_of(firm=firm, project=project) if user.is_authenticated else None,
            "proposal_count": selectors_types.proposal_count(project=project),
            "proposal_form": ProposalForm(),
        },
    )


def proposals_compare(request: HttpRequest, pk: int) -> HttpResponse:
    project = _of_kind(request, pk, ProjectKind.RFP)
    try:
        rows = selectors_types.proposal_comparison(user=request.user, project=project)
    except NotFound as error:
        raise Http404 from error
    return render(
        request,
        "projects/types/compare.html",
        {
            "project": project,
            "proposals": rows,
            "is_manager": selectors.is_sponsor_manager(user=request.user, project=project),
            "may_select": project.status in ("closed", "judging"),
        },
    )


@_action("projects:proposals")
def proposal_submit(request: HttpRequest, pk: int) -> HttpResponse:
    project = _of_kind(request, pk, ProjectKind.RFP)
    form = ProposalForm(request.POST)
    if not form.is_valid():
        raise _form_error(form)
    proposals.proposal_submit(project=project, by=signed_in(request), firm=acting_firm(request), **form.cleaned_data)
    messages.success(request, _("Proposal received. Only your team sees it; the sponsor will after the deadline."))
    return redirect("projects:proposals", pk)


@_action("projects:proposals-compare")
def proposal_select(request: HttpRequest, pk: int, proposal_id: int) -> HttpResponse:
    project = _of_kind(request, pk, ProjectKind.RFP)
    try:
        proposal = selectors_types.proposal_get(user=request.user, project=project, proposal_id=proposal_id)
    except NotFound as error:
        raise Http404 from error
    proposals.proposal_select(proposal=proposal, by=signed_in(request))
    messages.success(request, _("Supplier selected: the contract starts."))
    return redirect("projects:contract", pk)


def contract_page(request: HttpRequest, pk: int) -> HttpResponse:
    project = _of_kind(request, pk, ProjectKind.RFP)
    contract = selectors_types.contract_visible_to(user=request.user, project=project)
    if contract is None:
        raise Http404
    return render(
        request,
        "projects/types/contract.html",
        {
            "project": project,
            "contract": contract,
            "is_manager": selectors.is_sponsor_manager(user=request.user, project=project),
            "is_supplier": selectors_types.is_supplier(user=request.user, contract=contract),
            "note_form": MilestoneNoteForm(),
        },
    )


def _milestone(request: HttpRequest, pk: int, milestone_id: int) -> ContractMilestone:
    project = _of_kind(request, pk, ProjectKind.RFP)
    try:
        return selectors_types.milestone_get(user=request.user, project=project, milestone_id=milestone_id)
    except NotFound as error:
        raise Http404 from error


@_action("projects:contract")
def milestone_submit(request: HttpRequest, pk: int, milestone_id: int) -> HttpResponse:
    milestone = _milestone(request, pk, milestone_id)
    form = MilestoneNoteForm(request.POST)
    if not form.is_valid():
        raise _form_error(form)
    contracts.milestone_submit(milestone=milestone, by=signed_in(request), note=form.cleaned_data["note"])
    messages.success(request, _("Milestone delivered; the sponsor is told."))
    return redirect("projects:contract", pk)


@_action("projects:contract")
def milestone_decide(request: HttpRequest, pk: int, milestone_id: int) -> HttpResponse:
    milestone = _milestone(request, pk, milestone_id)
    form = MilestoneNoteForm(request.POST)
    if not form.is_valid():
        raise _form_error(form)
    accept = request.POST.get("accept") == "1"
    contracts.milestone_decide(
        milestone=milestone, by=signed_in(request), accept=accept, note=form.cleaned_data["note"]
    )
    messages.success(request, _("Milestone accepted.") if accept else _("Milestone returned for rework."))
    return redirect("projects:contract", pk)
