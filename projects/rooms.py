"""The project room kind: a design project's live room with its co-edited brief and notes, registered with
the realtime rooms registry from ProjectsConfig.ready().

Who may enter is ``projects.selectors.project_room_allowed``; the brief may be changed by whom
``projects.selectors.project_brief_editable`` allows, starts from the project's brief and is written back
with ``projects.services.project_brief_set`` (the text read under the project's lock, so concurrent
writers store it in order).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _

from platform_.realtime.rooms import RoomDocument, RoomKind, room_kind_register, shared_notes
from projects import selectors, services
from projects.models import Project

KIND = "project"


def _titles(*, ids: list[int]) -> dict[int, str]:
    return {project.pk: str(project) for project in Project.objects.filter(pk__in=ids).only("id", "title")}


def _brief(*, object_id: int) -> str:
    return Project.objects.filter(pk=object_id).values_list("brief", flat=True).first() or ""


def _brief_write_back(*, object_id: int, text: Callable[[], str], by: Any) -> None:
    project = Project.objects.select_for_update().filter(pk=object_id).first()
    if project is not None:
        services.project_brief_set(project=project, text=text(), by=by)


def register() -> None:
    room_kind_register(
        RoomKind(
            name=KIND,
            allowed=lambda *, user, object_id: selectors.project_room_allowed(user=user, project_id=object_id),
            titles=_titles,
            documents=(
                RoomDocument(
                    name="brief",
                    label=_("Brief"),
                    editable=lambda *, user, object_id: selectors.project_brief_editable(
                        user=user, project_id=object_id
                    ),
                    initial_text=_brief,
                    write_back=_brief_write_back,
                ),
                shared_notes(),
            ),
            # A project's status changes who may be in its room: everyone there re-checks.
            recheck_events=("project.*",),
            recheck_key="project_id",
        )
    )
