"""The rounds, assignment, appeal and statistics parts of the project page, and their actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from platform_.errors import DomainError, NotFound
from platform_.files import file_response
from platform_.identity.middleware import acting_firm, signed_in
from projects import selectors, selectors_rounds, services
from projects.forms_rounds import AppealForm, AutoAssignForm, EvaluationForm, PhaseForm
from projects.models import Judge, Project, ProjectKind, ProjectStatus
from projects.models_rounds import AppealStatus
from projects.statistics import competition_statistics
from projects.views import _entry, _project, domain_action

S = ProjectStatus


def rounds_context(*, request: HttpRequest, project: Project, manager: bool, judge: Judge | None) -> dict[str, Any]:
    """What the project page shows of phases, shortlist, assignments, the judge's queue, appeals and statistics."""
    user = request.user
    firm = acting_firm(request)
    phases = selectors_rounds.phases_of(project=project)
    in_phase = (
        list(selectors_rounds.entries_in_phase(project=project).select_related("team"))
        if manager and project.status == S.JUDGING
        else []
    )
    own_entry = None
    if user.is_authenticated and firm is not None and firm.pk != project.sponsor_id:  # a sponsor is on no team
        team = selectors.team_of(firm=firm, project=project)
        own_entry = getattr(team, "entry", None) if team is not None else None
    appeals = list(selectors_rounds.appeals_visible_to(user=user, project=project))
    can_assign = manager and project.status in (S.CLOSED, S.JUDGING) and project.panel_closed_at is None
    revisable = set()
    if judge is not None:
        revisable = {
            a.entry_id for a in appeals if a.status == AppealStatus.UPHELD and a.phase_number == project.phase_number
        }
    return {
        "phases": phases,
        "phase_final": selectors_rounds.is_final_phase(project=project, phases=phases),
        "award_guaranteed": selectors_rounds.award_guaranteed(project=project, phases=phases),
        "phase_form": PhaseForm(),
        "phases_supported": project.kind == ProjectKind.DESIGN,
        "shortlist_entries": in_phase,
        "can_open_next": manager and project.status == S.JUDGING and selectors_rounds.next_phase(project=project),
        "assignments": list(selectors_rounds.assignments_visible_to(user=user, project=project)) if manager else [],
        "can_assign": can_assign,
        "assign_judges": list(project.judges.select_related("user")) if can_assign else [],
        "assign_entries": list(selectors_rounds.entries_in_phase(project=project)) if can_assign else [],
        "auto_assign_form": AutoAssignForm(),
        "queue": selectors_rounds.judge_queue(user=user, project=project) if judge is not None else [],
        "appeals": appeals,
        "appeal_entry": own_entry if own_entry is not None and selectors_rounds.appeals_open(project=project) else None,
        "appeal_deadline": selectors_rounds.appeal_deadline(project=project),
        "appeal_form": AppealForm(),
        "can_decide_appeals": manager or judge is not None,
        "revisable_entries": revisable,
        "criteria_list": list(project.criteria.all()) if revisable else [],
        "solver_notes": selectors_rounds.solver_notes_for(user=user, project=project, entry=own_entry)
        if own_entry is not None
        else [],
        "statistics": competition_statistics(project=project) if project.status != S.DRAFT else None,
        "evaluation_form": EvaluationForm(
            initial={
                "min_reviews": project.min_reviews,
                "appeal_window_hours": project.appeal_window_hours,
                "normalise_scores": project.normalise_scores,
            }
        )
        if manager and project.status not in (S.AWARDED, S.CANCELLED)
        else None,
    }


@domain_action
def phase_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    form = PhaseForm(request.POST)
    if not form.is_valid():
        raise DomainError(_("Check the phase: name and deadline."))
    services.phase_add(project=project, by=signed_in(request), **form.cleaned_data)
    return redirect(project.get_absolute_url() + "#phases")


@domain_action
def shortlist_set(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    ids = [int(value) for value in request.POST.getlist("shortlisted") if value.isdigit()]
    feedback = {
        int(key[len("feedback_") :]): str(value)
        for key, value in request.POST.items()
        if key.startswith("feedback_") and key[len("feedback_") :].isdigit()
    }
    services.shortlist_set(project=project, by=signed_in(request), entry_ids=ids, feedback=feedback)
    messages.success(request, _("Shortlist saved. Teams are told when the next phase opens."))
    return redirect(project.get_absolute_url() + "#shortlist")


@domain_action
def phase_open(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    phase = services.phase_open_next(project=project, by=signed_in(request))
    messages.success(request, _("“%(phase)s” is open for the shortlisted teams.") % {"phase": phase.name})
    return redirect(project)


@domain_action
def assign_auto(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    form = AutoAssignForm(request.POST)
    if not form.is_valid():
        raise DomainError(_("Ask for at least one review per entry."), field="reviews_per_entry")
    made = services.assignments_auto(
        project=project, by=signed_in(request), reviews_per_entry=form.cleaned_data["reviews_per_entry"]
    )
    messages.success(request, _("%(count)s assignments made.") % {"count": len(made)})
    return redirect(project.get_absolute_url() + "#assignments")


@domain_action
def assign_manual(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    judge_id = request.POST.get("judge", "")
    judge = Judge.objects.filter(project=project, pk=int(judge_id)).first() if judge_id.isdigit() else None
    if judge is None:
        raise DomainError(_("Choose a judge."), field="judge")
    ids = [int(value) for value in request.POST.getlist("entries") if value.isdigit()]
    entries = list(selectors_rounds.entries_in_phase(project=project).filter(pk__in=ids).select_related("team"))
    made = services.assignment_set(project=project, by=signed_in(request), judge=judge, entries=entries)
    messages.success(request, _("%(count)s assignments made.") % {"count": len(made)})
    return redirect(project.get_absolute_url() + "#assignments")


@domain_action
def appeal_file(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    form = AppealForm(request.POST, request.FILES)
    if not form.is_valid():
        raise DomainError(_("Give a reason."), field="reason")
    firm = acting_firm(request)
    team = selectors.team_of(firm=firm, project=project)
    entry = getattr(team, "entry", None) if team is not None else None
    if entry is None:
        raise NotFound(_("Entry not found."))
    services.appeal_file(
        project=project,
        by=signed_in(request),
        firm=firm,
        entry=entry,
        reason=form.cleaned_data["reason"],
        attachment=form.cleaned_data["attachment"],
    )
    messages.success(request, _("Your appeal is filed; the panel will answer."))
    return redirect(project.get_absolute_url() + "#appeals")


@domain_action
def appeal_decide(request: HttpRequest, pk: int, appeal_id: int) -> HttpResponse:
    project = _project(request, pk)
    appeal = selectors_rounds.appeal_get(user=request.user, project=project, appeal_id=appeal_id)
    services.appeal_decide(
        project=project,
        by=signed_in(request),
        appeal=appeal,
        upheld=request.POST.get("decision") == AppealStatus.UPHELD,
        answer=request.POST.get("answer", ""),
    )
    return redirect(project.get_absolute_url() + "#appeals")


@domain_action
def score_revise(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    project, entry = _entry(request, pk, entry_id)
    values = {
        int(key[len("criterion_") :]): value
        for key, value in request.POST.items()
        if key.startswith("criterion_") and key[len("criterion_") :].isdigit() and value != ""
    }
    services.score_revise(project=project, by=signed_in(request), entry=entry, values=values)
    messages.success(request, _("Your revised scores are saved."))
    return redirect(project.get_absolute_url() + "#appeals")


@domain_action
def evaluation_set(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    form = EvaluationForm(request.POST)
    if not form.is_valid():
        raise DomainError(_("Check the evaluation rules."))
    services.evaluation_settings_set(project=project, by=signed_in(request), **form.cleaned_data)
    messages.success(request, _("Evaluation rules saved."))
    return redirect(project.get_absolute_url() + "#evaluation")


@login_required
def appeal_attachment(request: HttpRequest, pk: int, appeal_id: int) -> HttpResponseBase:
    project = _project(request, pk)
    try:
        appeal = selectors_rounds.appeal_get(user=request.user, project=project, appeal_id=appeal_id)
    except NotFound as error:
        raise Http404 from error
    if not appeal.attachment:
        raise Http404
    return file_response(
        request, appeal.attachment, filename=(appeal.attachment.name or "attachment").rsplit("/", 1)[-1]
    )
