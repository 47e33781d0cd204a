"""The notifications page: a person's own notifications, newest first, and marking them read."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from platform_.notifications.selectors import notifications_for, unread_count
from platform_.notifications.services import notifications_mark_read

PAGE_SIZE = 30


@login_required
def index(request: HttpRequest) -> HttpResponse:
    queryset = notifications_for(user=request.user)
    if request.GET.get("unread"):
        queryset = queryset.filter(read_at__isnull=True)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/index.html",
        {"page": page, "unread_only": bool(request.GET.get("unread")), "unread": unread_count(user=request.user)},
    )


@login_required
@require_POST
def mark_read(request: HttpRequest) -> HttpResponse:
    """Mark one notification (``id``) or all of them read; only one's own are ever touched."""
    raw = request.POST.get("id", "")
    ids = [int(raw)] if raw.isdigit() else None
    count = notifications_mark_read(user=request.user, ids=ids)
    if ids is None:
        messages.success(request, _("All notifications are marked read."))
    elif count == 0:
        messages.info(request, _("Nothing to mark."))
    return redirect("notifications:index")
