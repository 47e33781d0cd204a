"""Projects API: sealed entries, their files and receipts."""

from __future__ import annotations

from typing import Any, cast

from django.http import HttpResponseBase
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from platform_.api.permissions import caller, problems
from platform_.api.validation import validated
from platform_.errors import NotFound
from platform_.files import file_response
from platform_.identity.middleware import acting_firm
from projects import selectors, services
from projects.api import serializers as io
from projects.api.views._shared import _entry, _project
from projects.models import EntryFile, EntryVersion


class EntriesView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        summary="Entries",
        description="Sealed: the caller's own team's entry until the project closes; then all "
        "entries for judges, the sponsor and administrators.",
        responses={200: io.EntryOut(many=True), **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        entries = selectors.sealed_entries_visible_to(user=request.user, project=_project(request, pk))
        return Response(io.EntryOut(entries, many=True).data)

    @extend_schema(
        summary="Submit a version of the acting firm's entry",
        description="Multipart. Refused (409 deadline_passed) if it arrives at or after the deadline, "
        "by the database clock. Returns the receipt to keep.",
        request={"multipart/form-data": io.EntrySubmitIn},
        responses={201: io.ReceiptOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        from knowledge.selectors import assets_visible_to

        project = _project(request, pk)
        body = cast(dict[str, Any], request.data)  # a QueryDict or a JSON object
        data = {"files": request.FILES.getlist("files"), **{k: v for k, v in body.items() if k != "files"}}
        if hasattr(request.data, "getlist"):
            data["cited_asset_ids"] = request.data.getlist("cited_asset_ids")
        data = validated(io.EntrySubmitIn, data)
        cited = assets_visible_to(user=request.user, firm=acting_firm(request)).filter(pk__in=data["cited_asset_ids"])
        version = services.entry_submit(
            project=project,
            by=caller(request),
            firm=acting_firm(request),
            files=data["files"],
            description=data["description"],
            title=data["title"],
            cited_assets=cited,
        )
        return Response(services.receipt_for(version=version), status=status.HTTP_201_CREATED)


class EntryDetailView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="An entry", operation_id="projects_entry_retrieve", responses={200: io.EntryOut, **problems(404)}
    )
    def get(self, request: Request, pk: int, entry_id: int) -> Response:
        return Response(io.EntryOut(_entry(request, _project(request, pk), entry_id)).data)


@extend_schema(
    summary="Download an entry file",
    description="A file of an entry version, for whoever may see the entry (sealed until entries close). "
    "Always an attachment. Otherwise a 404.",
    responses={(200, "application/octet-stream"): bytes, **problems(404)},
)
class EntryFileView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]

    def get(self, request: Request, pk: int, entry_id: int, file_id: int) -> HttpResponseBase:
        entry = _entry(request, _project(request, pk), entry_id)
        row = EntryFile.objects.filter(version__entry=entry, pk=file_id).first()
        if row is None:
            raise NotFound(_("File not found."))
        return file_response(request, row.file, filename=row.name)


class ReceiptView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]

    @extend_schema(summary="The receipt of an entry version", responses={200: io.ReceiptOut, **problems(404)})
    def get(self, request: Request, pk: int, entry_id: int, number: int) -> Response:
        entry = _entry(request, _project(request, pk), entry_id)
        version = EntryVersion.objects.filter(entry=entry, number=number).select_related("entry").first()
        if version is None:
            raise NotFound(_("Version not found."))
        return Response(services.receipt_for(version=version))


class ReceiptVerifyView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        summary="Check a file against a receipt",
        description="Is the receipt one the platform issued, and does the file match it?",
        request={"multipart/form-data": io.VerifyIn},
        responses={200: io.VerifyOut, **problems(400)},
    )
    def post(self, request: Request) -> Response:
        data = validated(io.VerifyIn, request.data)
        check = services.receipt_verify(receipt=data["receipt"], file=data["file"])
        return Response(
            {
                "receipt_valid": check.receipt_valid,
                "matches": check.matches,
                "message": check.message,
                "version": check.version.number if check.version else None,
                "submitted_at": check.version.submitted_at if check.version else None,
            }
        )
