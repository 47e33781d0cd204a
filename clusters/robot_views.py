"""The cluster moderators' page of the cluster's group-chat robots: add, list, remove."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.forms import ClusterRobotForm
from clusters.robots import cluster_robot_add, cluster_robot_remove, cluster_robots, firms_managed_by
from clusters.views import _moderated_cluster
from platform_.errors import DomainError
from platform_.identity.middleware import signed_in


@login_required
def robots(request: HttpRequest, slug: str) -> HttpResponse:
    """The cluster's robots, and the form that adds one through a firm the moderator manages."""
    cluster = _moderated_cluster(request, slug)
    user = signed_in(request)
    firms = firms_managed_by(user=user)
    form = ClusterRobotForm(
        request.POST or None, firms=firms, initial={"language": getattr(request, "LANGUAGE_CODE", "")}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        firm = data.pop("firm")
        try:
            cluster_robot_add(cluster=cluster, firm=firm, by=user, **data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            messages.success(request, _("Group-chat robot added."))
            return redirect("clusters:robots", slug=cluster.slug)
    return render(
        request,
        "clusters/robots.html",
        {
            "cluster": cluster,
            "robots": list(cluster_robots(cluster=cluster)),
            "form": form,
            "has_firms": firms.exists(),
        },
    )


@login_required
@require_POST
def robot_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    cluster = _moderated_cluster(request, slug)
    endpoint = get_object_or_404(cluster_robots(cluster=cluster), pk=pk)
    try:
        cluster_robot_remove(cluster=cluster, endpoint=endpoint, by=signed_in(request))
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The group-chat robot is removed."))
    return redirect("clusters:robots", slug=cluster.slug)
