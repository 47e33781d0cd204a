"""/api/v1/projects/{pk}/awards/{award_id}/transfer/…: the award's IP assignment sent for electronic
signature, with the pages' permissions (the people of its firms see it; the sponsor's managers send it;
each side's managers sign)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from platform_.api.permissions import caller, problems
from platform_.api.validation import validated
from platform_.errors import NotFound
from projects import selectors_esign
from projects.api.views._shared import _project
from projects.models import Award
from projects.models_esign import IpTransfer, TransferDocument, TransferParty
from projects.services import esign as services


class TransferPartyOut(serializers.ModelSerializer):
    firm = serializers.IntegerField(source="firm_id")

    class Meta:
        model = TransferParty
        fields = ["firm", "side", "signed_at"]


class TransferDocumentOut(serializers.ModelSerializer):
    class Meta:
        model = TransferDocument
        fields = ["number", "kind", "sha256", "size", "created_at"]


class TransferOut(serializers.ModelSerializer):
    award = serializers.IntegerField(source="award_id")
    parties = TransferPartyOut(many=True, read_only=True)
    documents = TransferDocumentOut(many=True, read_only=True)

    class Meta:
        model = IpTransfer
        fields = ["id", "award", "provider", "status", "sent_at", "completed_at", "parties", "documents"]


class TransferSignIn(serializers.Serializer):
    firm = serializers.IntegerField(help_text="The firm the caller signs for (one of the transfer's sides).")


def _transfer(request: Request, pk: int, award_id: int) -> IpTransfer:
    project = _project(request, pk)
    transfer = selectors_esign.transfer_get(user=request.user, project=project, award_id=int(award_id))
    if transfer is None:
        raise NotFound(_("No IP assignment for this award."))
    return transfer


def _fresh(transfer: IpTransfer) -> IpTransfer:
    return IpTransfer.objects.prefetch_related("parties", "documents").get(pk=transfer.pk)


class TransferView(APIView):
    api_resource = "awards"

    @extend_schema(summary="The award's IP assignment", responses={200: TransferOut, **problems(404)})
    def get(self, request: Request, pk: int, award_id: int) -> Response:
        return Response(TransferOut(_transfer(request, pk, award_id)).data)

    @extend_schema(
        summary="Send the IP assignment for signature",
        description="Sponsor's owners and administrators, for an award that assigns the IP. The assignment PDF "
        "is stored with its SHA-256 and sent through the deployment's e-sign provider to the sponsor "
        "(assignee) and each firm of the winning team (assignors).",
        request=None,
        responses={201: TransferOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, award_id: int) -> Response:
        project = _project(request, pk)
        award = Award.objects.filter(project=project, pk=int(award_id)).first()
        if award is None:
            raise NotFound(_("Award not found."))
        transfer = services.transfer_send(award=award, by=caller(request))
        return Response(TransferOut(_fresh(transfer)).data, status=status.HTTP_201_CREATED)


class TransferSignView(APIView):
    api_resource = "awards"

    @extend_schema(
        summary="Sign the IP assignment for a firm",
        description="With the local provider: an owner or administrator of one side signs. The transfer "
        "completes, with the signed PDF stored and hashed, when every side signed.",
        request=TransferSignIn,
        responses={200: TransferOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, award_id: int) -> Response:
        transfer = _transfer(request, pk, award_id)
        firm_id = validated(TransferSignIn, request.data)["firm"]
        party = transfer.parties.filter(firm_id=firm_id).first()
        if party is None:
            raise NotFound(_("This firm is not a side of the assignment."))
        services.transfer_sign(party=party, by=caller(request))
        return Response(TransferOut(_fresh(transfer)).data)


class TransferRefreshView(APIView):
    api_resource = "awards"

    @extend_schema(
        summary="Check the signatures with the e-sign service",
        description="With a hosted provider: records who has signed and completes the transfer when all did.",
        request=None,
        responses={200: TransferOut, **problems(404, 409)},
    )
    def post(self, request: Request, pk: int, award_id: int) -> Response:
        transfer = services.transfer_refresh(transfer=_transfer(request, pk, award_id), by=caller(request))
        return Response(TransferOut(_fresh(transfer)).data)
