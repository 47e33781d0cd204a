"""Project rooms: the projects domain decides who enters; the brief starts from the project's text."""

from __future__ import annotations

import pytest
from pycrdt import Doc, Text, handle_sync_message

from tests.factories import firm_with_owner
from tests.projects.factories import open_project, solver
from tests.realtime.factories import communicator, run, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)


def test_sponsor_and_solver_enter_the_project_room_and_an_outsider_does_not() -> None:
    project, sponsor = open_project()
    _firm, solver_owner = solver(project)
    _other, outsider = firm_with_owner()
    path = f"/ws/rooms/project/{project.pk}/"

    async def scenario() -> None:
        for person, allowed in ((sponsor, True), (solver_owner, True), (outsider, False)):
            socket = communicator(path, session=session_cookie(person))
            connected, _code = await socket.connect()
            assert connected is allowed
            if connected:
                await socket.disconnect()

    run(scenario)


def test_brief_document_starts_from_the_projects_brief() -> None:
    project, sponsor = open_project(brief="Design a lighter loom frame.")

    async def scenario() -> str:
        socket = communicator(f"/ws/docs/project/{project.pk}/brief/", session=session_cookie(sponsor))
        assert (await socket.connect())[0]
        step1 = await socket.receive_from(timeout=5)
        doc = Doc()
        # The server's state vector says what it has; ask for everything by answering with ours.
        from pycrdt import create_sync_message

        await socket.send_to(bytes_data=create_sync_message(doc))
        step2 = await socket.receive_from(timeout=5)
        handle_sync_message(step2[1:], doc)
        assert step1[0] == 0
        await socket.disconnect()
        return str(doc.get("codemirror", type=Text))

    assert run(scenario) == "Design a lighter loom frame."
