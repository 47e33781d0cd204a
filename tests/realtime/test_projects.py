"""Project rooms: the projects domain decides who enters; the brief starts from the project's text."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.test import Client
from pycrdt import Decoder, Doc, Text, YMessageType, create_sync_message, create_update_message, handle_sync_message

from platform_.audit.models import AuditEntry
from platform_.identity.models import FirmMember
from platform_.realtime.consumers import ERROR_MESSAGE_TYPE
from platform_.realtime.models import DocumentUpdate
from platform_.realtime.selectors import document_text
from projects import services as project_services
from projects.models import Project
from tests.factories import UserFactory, firm_with_owner
from tests.projects.factories import open_project, solver, sponsor_project
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
        read_only = await socket.receive_from(timeout=5)
        doc: Doc[Text] = Doc()
        # The server's state vector says what it has; ask for everything by answering with ours.
        from pycrdt import create_sync_message

        await socket.send_to(bytes_data=create_sync_message(doc))
        step2 = await socket.receive_from(timeout=5)
        handle_sync_message(step2[1:], doc)
        assert step1[0] == 0
        assert read_only[0] == ERROR_MESSAGE_TYPE  # an open project's brief is fixed: the sponsor reads it
        await socket.disconnect()
        return str(doc.get("codemirror", type=Text))

    assert run(scenario) == "Design a lighter loom frame."


# --- who may change which document ----------------------------------------------------------------


def edit(doc: Doc, text: str) -> bytes:
    """Append text to the document's ``codemirror`` text and return the update it made."""
    updates: list[bytes] = []
    subscription = doc.observe(lambda event: updates.append(event.update))
    doc.get("codemirror", type=Text).insert(len(str(doc.get("codemirror", type=Text))), text)
    doc.unobserve(subscription)
    return updates[0]


def error_of(frame: bytes) -> dict[str, Any] | None:
    """The JSON of one of our error frames, or None for a y-websocket frame."""
    if frame[0] != ERROR_MESSAGE_TYPE:
        return None
    decoder = Decoder(frame[1:])
    return json.loads(decoder.read_var_string())


async def open_synced(path: str, user: Any, doc: Doc) -> tuple[Any, dict[str, Any] | None]:
    """Connect and synchronise as y-websocket does; returns the socket and the read-only notice if any."""
    socket = communicator(path, session=session_cookie(user))
    assert (await socket.connect())[0]
    step1 = await socket.receive_from(timeout=5)
    assert step1[0] == YMessageType.SYNC
    await socket.send_to(bytes_data=handle_sync_message(step1[1:], doc))
    await socket.send_to(bytes_data=create_sync_message(doc))
    notice = None
    while True:
        frame = await socket.receive_from(timeout=5)
        if frame[0] == YMessageType.SYNC:
            handle_sync_message(frame[1:], doc)
            return socket, notice
        notice = error_of(frame)


def brief_path(project: Project) -> str:
    return f"/ws/docs/project/{project.pk}/brief/"


def test_solver_is_told_the_brief_is_read_only_and_their_edit_is_refused_and_not_stored() -> None:
    project, _sponsor = open_project(brief="Design a lighter loom frame.")
    _firm, solver_owner = solver(project)

    async def scenario() -> dict[str, Any] | None:
        doc: Doc[Text] = Doc()
        socket, notice = await open_synced(brief_path(project), solver_owner, doc)
        assert notice is not None
        assert notice["code"] == "read_only"
        await socket.send_to(bytes_data=create_update_message(edit(doc, " Cheaper too.")))
        refusal = error_of(await socket.receive_from(timeout=5))
        await socket.disconnect()
        return refusal

    refusal = run(scenario)
    assert refusal is not None
    assert refusal["code"] == "read_only"
    assert refusal["message"]
    assert document_text(name=f"project.{project.pk}.brief") == "Design a lighter loom frame."
    assert not DocumentUpdate.objects.filter(document__name=f"project.{project.pk}.brief").exists()
    project.refresh_from_db()
    assert project.brief == "Design a lighter loom frame."


def test_solvers_edit_of_the_brief_does_not_reach_the_other_readers() -> None:
    project, sponsor = open_project(brief="Frame.")
    _firm, solver_owner = solver(project)

    async def scenario() -> None:
        reader_doc: Doc[Text] = Doc()
        solver_doc: Doc[Text] = Doc()
        reader, _notice = await open_synced(brief_path(project), sponsor, reader_doc)
        socket, _notice = await open_synced(brief_path(project), solver_owner, solver_doc)
        await socket.send_to(bytes_data=create_update_message(edit(solver_doc, " Mine now.")))
        assert error_of(await socket.receive_from(timeout=5)) is not None
        relayed = []
        while not await reader.receive_nothing(timeout=0.3):
            relayed.append(await reader.receive_from())
        # No change reached the reader: no sync step 2 or update frame (a step 1 or a notice may).
        assert not [frame for frame in relayed if frame[0] == YMessageType.SYNC and frame[1] in (1, 2)]
        await socket.disconnect()
        await reader.disconnect()

    run(scenario)


def test_sponsor_of_an_open_project_may_not_change_its_brief() -> None:
    project, sponsor = open_project(brief="Fixed once published.")

    async def scenario() -> dict[str, Any] | None:
        doc: Doc[Text] = Doc()
        socket, notice = await open_synced(brief_path(project), sponsor, doc)
        assert notice is not None
        assert notice["code"] == "read_only"
        await socket.send_to(bytes_data=create_update_message(edit(doc, " Changed.")))
        refusal = error_of(await socket.receive_from(timeout=5))
        await socket.disconnect()
        return refusal

    refusal = run(scenario)
    assert refusal is not None
    assert refusal["code"] == "read_only"
    project.refresh_from_db()
    assert project.brief == "Fixed once published."


def test_a_readers_answer_to_the_sync_holds_no_edit_and_is_not_refused() -> None:
    """A reader's sync step 2 carries the document's deletions it already has: not an edit."""
    project, sponsor = sponsor_project(brief="Draft brief text.")

    async def edit_and_read() -> None:
        editor_doc: Doc[Text] = Doc()
        editor, _notice = await open_synced(brief_path(project), sponsor, editor_doc)
        updates: list[bytes] = []
        subscription = editor_doc.observe(lambda event: updates.append(event.update))
        del editor_doc.get("codemirror", type=Text)[0:6]  # leaves a deletion in the document
        editor_doc.unobserve(subscription)
        await editor.send_to(bytes_data=create_update_message(updates[0]))
        await editor.receive_nothing(timeout=0.3)
        await editor.disconnect()

        reader_doc: Doc[Text] = Doc()
        reader, notice = await open_synced(brief_path(project), member, reader_doc)
        assert notice is not None
        assert notice["code"] == "read_only"
        assert str(reader_doc.get("codemirror", type=Text)) == "brief text."
        # Answer a sync step 1 of a peer that has everything, as y-websocket does on resync: the
        # answer (sync step 2) holds no new item but the document's deletions.
        answer = handle_sync_message(create_sync_message(reader_doc)[1:], reader_doc)
        assert answer is not None
        assert answer[:2] == bytes([YMessageType.SYNC, 1])
        assert len(answer) > 4  # not the empty update: the deletion is in it
        await reader.send_to(bytes_data=answer)
        assert await reader.receive_nothing(timeout=0.3)  # no read_only error
        await reader.disconnect()

    member = UserFactory.create()
    FirmMember.objects.create(firm_id=project.sponsor_id, user=member, role="member")
    run(edit_and_read)


def test_sponsor_edit_of_a_draft_brief_is_stored_and_written_back_to_the_project() -> None:
    project, sponsor = sponsor_project(brief="Design a lighter loom frame.")

    async def scenario() -> None:
        doc: Doc[Text] = Doc()
        socket, notice = await open_synced(brief_path(project), sponsor, doc)
        assert notice is None
        await socket.send_to(bytes_data=create_update_message(edit(doc, " Under 2 kg.")))
        assert await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()  # the last socket writes back what is left

    run(scenario)
    text = document_text(name=f"project.{project.pk}.brief")
    assert text == "Design a lighter loom frame. Under 2 kg."
    project.refresh_from_db()
    assert project.brief == text
    assert AuditEntry.objects.filter(action="project.brief_set", actor=sponsor).exists()


def test_brief_is_written_back_while_the_sponsor_is_still_editing() -> None:
    project, sponsor = sponsor_project(brief="Loom.")

    async def scenario() -> None:
        doc: Doc[Text] = Doc()
        socket, _notice = await open_synced(brief_path(project), sponsor, doc)
        await socket.send_to(bytes_data=create_update_message(edit(doc, " Frame.")))
        for _attempt in range(100):  # the first edit is written back at once, later ones within 2 s
            if await Project.objects.filter(pk=project.pk, brief="Loom. Frame.").aexists():
                break
            await asyncio.sleep(0.05)
        else:
            pytest.fail("the brief was not written back while the socket was open")
        await socket.disconnect()

    run(scenario)


def test_sponsor_member_who_is_not_a_manager_reads_the_draft_brief_only() -> None:
    project, _owner = sponsor_project(brief="Managers write this.")
    member = UserFactory.create()
    FirmMember.objects.create(firm_id=project.sponsor_id, user=member, role="member")

    async def scenario() -> dict[str, Any] | None:
        doc: Doc[Text] = Doc()
        socket, notice = await open_synced(brief_path(project), member, doc)
        await socket.send_to(bytes_data=create_update_message(edit(doc, " Or not.")))
        refusal = error_of(await socket.receive_from(timeout=5))
        await socket.disconnect()
        assert notice is not None
        return refusal

    refusal = run(scenario)
    assert refusal is not None
    assert refusal["code"] == "read_only"
    project.refresh_from_db()
    assert project.brief == "Managers write this."


def test_shared_notes_are_editable_by_a_solver() -> None:
    project, _sponsor = open_project()
    _firm, solver_owner = solver(project)
    path = f"/ws/docs/project/{project.pk}/notes/"

    async def scenario() -> None:
        doc: Doc[Text] = Doc()
        socket, notice = await open_synced(path, solver_owner, doc)
        assert notice is None
        await socket.send_to(bytes_data=create_update_message(edit(doc, "Solver's notes")))
        assert await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()

    run(scenario)
    assert document_text(name=f"project.{project.pk}.notes") == "Solver's notes"


def test_room_page_shows_the_brief_read_only_to_a_solver_and_the_notes_editable() -> None:
    project, _sponsor = open_project()
    _firm, solver_owner = solver(project)
    client = Client()
    client.force_login(solver_owner)
    html = client.get(f"/rooms/project/{project.pk}/").content.decode()
    assert 'data-doc="brief" data-editable="false"' in html
    assert 'data-doc="notes" data-editable="true"' in html


def test_brief_changed_through_the_form_is_what_the_co_edited_brief_says_next() -> None:
    project, sponsor = sponsor_project(brief="Design a lighter loom frame.")

    async def edit_once(text: str) -> None:
        doc: Doc[Text] = Doc()
        socket, _notice = await open_synced(brief_path(project), sponsor, doc)
        await socket.send_to(bytes_data=create_update_message(edit(doc, text)))
        assert await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()

    run(lambda: edit_once(" Under 2 kg."))  # the document is stored now
    project.refresh_from_db()
    project_services.project_update(project=project, by=sponsor, brief="Design a loom frame of bamboo. Under 2 kg.")
    assert document_text(name=f"project.{project.pk}.brief") == "Design a loom frame of bamboo. Under 2 kg."

    run(lambda: edit_once(" Cheap."))  # the next write-back keeps the form's change
    project.refresh_from_db()
    assert project.brief == "Design a loom frame of bamboo. Under 2 kg. Cheap."


def test_open_editor_receives_the_brief_changed_through_the_form() -> None:
    project, sponsor = sponsor_project(brief="Loom frame.")
    seen: list[str] = []

    async def scenario() -> None:
        doc: Doc[Text] = Doc()
        socket, _notice = await open_synced(brief_path(project), sponsor, doc)
        await socket.send_to(bytes_data=create_update_message(edit(doc, " Light.")))
        assert await socket.receive_nothing(timeout=0.3)
        fresh = await Project.objects.aget(pk=project.pk)
        await database_sync_to_async(project_services.project_update)(
            project=fresh, by=sponsor, brief="Bamboo loom frame. Light."
        )
        frame = await socket.receive_from(timeout=5)
        assert frame[0] == YMessageType.SYNC
        handle_sync_message(frame[1:], doc)
        seen.append(str(doc.get("codemirror", type=Text)))
        await socket.disconnect()

    run(scenario)
    assert seen == ["Bamboo loom frame. Light."]
    project.refresh_from_db()
    assert project.brief == "Bamboo loom frame. Light."


def test_brief_changed_before_anyone_co_edits_stores_no_document() -> None:
    project, sponsor = sponsor_project(brief="Loom.")
    project_services.project_update(project=project, by=sponsor, brief="Loom frame.")
    assert not DocumentUpdate.objects.filter(document__name=f"project.{project.pk}.brief").exists()
