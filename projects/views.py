"""Pages of design projects for sponsors, solvers, judges and moderators (thin: parse, call, render)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from platform_.errors import DomainError, NotFound
from platform_.files import file_response
from platform_.identity.middleware import acting_firm, signed_in
from platform_.identity.models import Firm, User
from platform_.page_errors import domain_errors
from projects import selectors, services
from projects.forms import (
    AnswerForm,
    ConflictForm,
    CriterionForm,
    EntryForm,
    FeedbackForm,
    JudgeForm,
    ProjectForm,
    QuestionForm,
    TeamForm,
    TransitionForm,
    VerifyForm,
)
from projects.models import Criterion, EntryOutcome, EntryVersion, Project, ProjectStatus, Question


def _project(request: HttpRequest, pk: int) -> Any:
    try:
        return services.project_get_closing_if_due(user=request.user, project_id=pk, firm=acting_firm(request))
    except NotFound as error:
        raise Http404 from error


def domain_action(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """POST actions: a domain refusal becomes a message on the project page, never a 500."""

    back = domain_errors(back=lambda pk, *args, **kwargs: reverse("projects:detail", args=[pk]))
    return login_required(require_POST(back(view)))


PAGE_SIZE = 25


def project_list(request: HttpRequest) -> HttpResponse:
    projects = selectors.projects_visible_to(user=request.user, firm=acting_firm(request))
    status = request.GET.get("status", "")
    if status in ProjectStatus.values:
        projects = projects.filter(status=status)
    query = request.GET.get("q", "").strip()
    if query:
        projects = projects.filter(title__icontains=query)
    page = Paginator(projects.order_by("-created_at", "-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "projects/project_list.html",
        {
            "projects": page,
            "page": page,
            "querystring": params.urlencode(),
            "statuses": ProjectStatus.choices,
            "status": status,
            "q": query,
        },
    )


def _save_project(request: HttpRequest, form: ProjectForm, project: Any = None) -> Any:
    data = {name: form.cleaned_data[name] for name in services.EDITABLE}
    clusters = list(form.cleaned_data.get("eligible_clusters") or [])
    invited = list(Firm.objects.filter(credit_code__in=form.invited_codes()))
    if project is None:
        firm = acting_firm(request)
        assert firm is not None  # project_create refuses a person acting for no firm before saving
        return services.project_create(
            by=signed_in(request), firm=firm, eligible_clusters=clusters, invited_firms=invited, **data
        )
    return services.project_update(
        project=project, by=signed_in(request), eligible_clusters=clusters, invited_firms=invited, **data
    )


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if acting_firm(request) is None:
                raise DomainError(_("Act for a firm first."))
            project = _save_project(request, form)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            messages.success(request, _("Draft saved. Add the judging criteria, then publish it."))
            return redirect(project)
    return render(request, "projects/project_form.html", {"form": form})


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    if not selectors.is_sponsor_manager(user=request.user, project=project):
        raise Http404
    form = ProjectForm(
        request.POST or None,
        instance=project,
        initial={"invited_credit_codes": "\n".join(project.invited_firms.values_list("credit_code", flat=True))},
    )
    if request.method == "POST" and form.is_valid():
        try:
            _save_project(request, form, _unmodified(project))
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            return redirect(project)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


def _unmodified(project: Project) -> Project:
    """The project as stored: a ModelForm's is_valid() has already written its data onto the instance."""
    return Project.objects.get(pk=project.pk)


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    user, firm = request.user, acting_firm(request)
    sponsor = selectors.is_sponsor(user=user, project=project)
    manager = selectors.is_sponsor_manager(user=user, project=project)
    judge = selectors.judge_of(user=user, project=project)
    solving = user.is_authenticated and firm is not None and firm.pk != project.sponsor_id  # a sponsor never solves
    acceptance = selectors.acceptance_of(firm=firm, project=project) if solving else None
    team = selectors.team_of(firm=firm, project=project) if acceptance else None
    entries = selectors.sealed_entries_visible_to(user=user, project=project)
    ranking = None
    if project.panel_closed_at is not None and (sponsor or judge or (user.is_authenticated and user.is_platform_admin)):
        ranking = selectors.ranking(project=project)
    context = {
        "project": project,
        "is_sponsor": sponsor,
        "is_manager": manager,
        "judge": judge,
        "is_moderator": selectors.is_project_moderator(user=user, project=project),
        "room_allowed": selectors.project_room_allowed_for(user=user, project=project, firm=firm),
        "acceptance": acceptance,
        "eligible": user.is_authenticated and selectors.is_eligible(firm=firm, project=project),
        "show_confidential": selectors.can_see_confidential(user=user, firm=firm, project=project),
        "actions": services.allowed_actions(project=project, user=user) if user.is_authenticated else [],
        "criteria": project.criteria.all(),
        "judges": project.judges.select_related("user") if sponsor else [],
        "questions": selectors.questions_visible_to(user=user, firm=firm, project=project),
        "team": team,
        "team_members": team.members.select_related("firm") if team else [],
        "team_invitations_sent": selectors.team_invitations_sent(team=team),
        "team_invitations": selectors.team_invitations_open_to(user=user, project=project),
        "entries": entries,
        "entry_count": selectors.entry_count(project=project),
        "ranking": ranking,
        "transitions": project.transitions.select_related("actor") if sponsor else [],
        "awards": project.awards.select_related("entry", "asset", "brief_asset"),
        "criterion_form": CriterionForm(),
        "judge_form": JudgeForm(),
        "question_form": QuestionForm(),
        "answer_form": AnswerForm(),
        "team_form": TeamForm(),
        "entry_form": EntryForm(),
    }
    from projects.views_rounds import rounds_context

    context.update(rounds_context(request=request, project=project, manager=manager, judge=judge))
    return render(request, "projects/project_detail.html", context)


@domain_action
def project_transition(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    form = TransitionForm(request.POST)
    if form.is_valid():
        services.project_transition(
            project=project,
            action=form.cleaned_data["action"],
            by=signed_in(request),
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("Done."))
    return redirect(project)


@domain_action
def criterion_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    form = CriterionForm(request.POST)
    if not form.is_valid():
        raise DomainError(_("Check the criterion: name, weight and scale."))
    services.criterion_create(project=project, by=signed_in(request), **form.cleaned_data)
    return redirect(project.get_absolute_url() + "#rubric")


@domain_action
def criterion_delete(request: HttpRequest, pk: int, criterion_id: int) -> HttpResponse:
    project = _project(request, pk)
    criterion = Criterion.objects.filter(project=project, pk=criterion_id).first()
    if criterion is None:
        raise Http404
    services.criterion_delete(criterion=criterion, by=signed_in(request))
    return redirect(project.get_absolute_url() + "#rubric")


@domain_action
def judge_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    form = JudgeForm(request.POST)
    person = User.objects.filter(email__iexact=form.data.get("email", "").strip()).first()
    if not form.is_valid() or person is None:
        raise DomainError(_("Nobody with this e-mail address is registered."))
    services.judge_add(project=project, by=signed_in(request), user=person)
    return redirect(project.get_absolute_url() + "#panel")


@domain_action
def terms_accept(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    services.terms_accept(project=project, by=signed_in(request), firm=acting_firm(request))
    messages.success(request, _("Terms accepted. The confidential brief is now shown."))
    return redirect(project)


@domain_action
def question_ask(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        raise DomainError(_("Write your question."))
    services.question_ask(
        project=project, by=signed_in(request), firm=acting_firm(request), text=form.cleaned_data["text"]
    )
    return redirect(project.get_absolute_url() + "#qa")


@domain_action
def question_answer(request: HttpRequest, pk: int, question_id: int) -> HttpResponse:
    project = _project(request, pk)
    question = Question.objects.filter(project=project, pk=question_id).first()
    form = AnswerForm(request.POST)
    if question is None or not form.is_valid():
        raise DomainError(_("Write the answer."))
    services.question_answer(
        question=question, by=signed_in(request), answer=form.cleaned_data["answer"], public=form.cleaned_data["public"]
    )
    return redirect(project.get_absolute_url() + "#qa")


def _partners(text: str) -> list[tuple[Firm, Decimal]]:
    partners = []
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            continue
        firm = Firm.objects.filter(credit_code=parts[0].upper()).first()
        try:
            share = Decimal(parts[1]) if len(parts) > 1 else Decimal(0)
        except InvalidOperation:
            share = Decimal(0)
        if firm is None:
            raise DomainError(_("No firm has the credit code %(code)s.") % {"code": parts[0]}, field="partners")
        partners.append((firm, share))
    return partners


@domain_action
def team_create(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    form = TeamForm(request.POST)
    form.is_valid()
    services.team_create(
        project=project,
        by=signed_in(request),
        firm=acting_firm(request),
        name=form.cleaned_data.get("name", ""),
        partners=_partners(form.cleaned_data.get("partners", "")),
    )
    return redirect(project.get_absolute_url() + "#entry")


@domain_action
def team_invitation_decide(request: HttpRequest, pk: int, invitation_id: int) -> HttpResponse:
    project = _project(request, pk)
    invitation = selectors.team_invitations_open_to(user=request.user, project=project).filter(pk=invitation_id).first()
    if invitation is None:
        raise Http404
    accept = request.POST.get("accept") == "1"
    services.team_invitation_decide(invitation=invitation, by=signed_in(request), accept=accept)
    messages.success(request, _("Your firm joined the team.") if accept else _("Invitation declined."))
    return redirect(project.get_absolute_url() + "#entry")


@domain_action
def entry_submit(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    form = EntryForm(request.POST, request.FILES)
    if not form.is_valid():
        raise DomainError(_("Attach at least one file."))
    from knowledge.selectors import assets_visible_to

    cited = assets_visible_to(user=request.user, firm=acting_firm(request)).filter(pk__in=form.cited_ids())
    version = services.entry_submit(
        project=project,
        by=signed_in(request),
        firm=acting_firm(request),
        files=form.cleaned_data["files"],
        description=form.cleaned_data["description"],
        title=form.cleaned_data["title"],
        cited_assets=cited,
    )
    messages.success(request, _("Version %(number)s received. Keep its receipt.") % {"number": version.number})
    return redirect(version.entry.get_absolute_url())


def _entry(request: HttpRequest, pk: int, entry_id: int) -> tuple[Any, Any]:
    project = _project(request, pk)
    try:
        return project, selectors.sealed_entry_get(user=request.user, project=project, entry_id=entry_id)
    except NotFound as error:
        raise Http404 from error


@login_required
def entry_detail(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    project, entry = _entry(request, pk, entry_id)
    judge = selectors.judge_of(user=request.user, project=project)
    conflicts = selectors.conflicts_of(judge=judge, team=entry.team) if judge else []
    scores = selectors.scores_visible_to(user=request.user, project=project).filter(entry=entry)
    mine = {s.criterion_id: s for s in scores if judge and s.judge_id == judge.pk}
    criteria = [(c, mine.get(c.pk)) for c in project.criteria.all()]
    return render(
        request,
        "projects/entry_detail.html",
        {
            "project": project,
            "entry": entry,
            "judge": judge,
            "conflicts": conflicts,
            "may_score": bool(
                judge and not conflicts and project.status == ProjectStatus.JUDGING and project.panel_closed_at is None
            ),
            "criteria": criteria,
            "scores": scores if project.panel_closed_at else [],
            "is_manager": selectors.is_sponsor_manager(user=request.user, project=project),
            "conflict_form": ConflictForm(),
            "feedback_form": FeedbackForm(initial={"feedback": entry.feedback}),
            "own": selectors.user_team(user=request.user, project=project) == entry.team,
            "review": entry.reviews.filter(judge=judge, phase_number=project.phase_number).first() if judge else None,
        },
    )


@login_required
def entry_file(request: HttpRequest, pk: int, entry_id: int, file_id: int) -> HttpResponseBase:
    entry = _entry(request, pk, entry_id)[1]
    row = next((f for v in entry.versions.all() for f in v.files.all() if f.pk == file_id), None)
    if row is None:
        raise Http404
    return file_response(request, row.file, filename=row.name)


@login_required
def entry_receipt(request: HttpRequest, pk: int, entry_id: int, number: int) -> HttpResponse:
    entry = _entry(request, pk, entry_id)[1]
    version = EntryVersion.objects.filter(entry=entry, number=number).select_related("entry").first()
    if version is None:
        raise Http404
    response = JsonResponse(services.receipt_for(version=version), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="receipt-entry{entry.pk}-v{number}.json"'
    return response


@domain_action
def score_submit(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    project, entry = _entry(request, pk, entry_id)
    values = {
        int(key[len("criterion_") :]): value
        for key, value in request.POST.items()
        if key.startswith("criterion_") and key[len("criterion_") :].isdigit() and value != ""
    }
    services.review_submit(
        project=project,
        by=signed_in(request),
        entry=entry,
        values=values,
        comment=request.POST.get("comment", ""),
        private_note=request.POST.get("private_note", ""),
        solver_note=request.POST.get("solver_note", ""),
    )
    messages.success(request, _("Your scores are saved."))
    return redirect(entry.get_absolute_url())


@domain_action
def conflict_declare(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    project, entry = _entry(request, pk, entry_id)
    services.conflict_declare(
        project=project, by=signed_in(request), team=entry.team, reason=request.POST.get("reason", "")
    )
    messages.success(request, _("Conflict declared: you will not score or open this entry."))
    return redirect(project.get_absolute_url() + "#entries")


@domain_action
def entry_outcome(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    project, entry = _entry(request, pk, entry_id)
    outcome = EntryOutcome.SHORTLISTED if request.POST.get("shortlist") == "1" else EntryOutcome.NONE
    services.entry_set_outcome(project=project, by=signed_in(request), entry=entry, outcome=outcome)
    return redirect(project.get_absolute_url() + "#ranking")


@domain_action
def entry_feedback(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    project, entry = _entry(request, pk, entry_id)
    services.feedback_give(project=project, by=signed_in(request), entry=entry, text=request.POST.get("feedback", ""))
    return redirect(entry.get_absolute_url())


@domain_action
def panel_close(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    services.panel_close(project=project, by=signed_in(request))
    return redirect(project.get_absolute_url() + "#ranking")


@domain_action
def project_award(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    ids = [int(value) for value in request.POST.getlist("winners") if value.isdigit()]
    winners = list(selectors.sealed_entries_visible_to(user=request.user, project=project).filter(pk__in=ids))
    services.project_award(project=project, by=signed_in(request), winners=winners)
    messages.success(request, _("Awarded. The winning design is now a knowledge asset."))
    return redirect(project)


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    return render(request, "projects/review_queue.html", {"projects": selectors.review_queue(user=request.user)})


@login_required
def receipt_verify(request: HttpRequest) -> HttpResponse:
    form = VerifyForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = services.receipt_verify(receipt=form.receipt_data(), file=form.cleaned_data["file"])
    return render(request, "projects/verify.html", {"form": form, "result": result})
