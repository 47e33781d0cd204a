"""Reputation API: the track record of a firm, and of a person for those who may see it."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from platform_.api.permissions import caller, problems
from platform_.identity.api.views import active_firm
from platform_.identity.models import Firm, User
from reputation.api.serializers import TrackRecordOut
from reputation.selectors import firm_track_record, person_record_visible, person_track_record


class FirmTrackRecordView(GenericAPIView):
    api_resource = "firms"
    serializer_class = TrackRecordOut
    queryset = Firm.objects.none()  # names the path's model for the schema

    @extend_schema(
        summary="A firm's track record",
        description="Assets shared, their reuse by other firms (own use and closed rings do not inflate it), "
        "challenges entered and won, judging done, with the reasons behind the score. Any signed-in caller.",
        responses={200: TrackRecordOut, **problems(401, 403, 404)},
    )
    def get(self, request: Request, firm_pk: int) -> Response:
        caller(request)
        return Response(TrackRecordOut(firm_track_record(firm=active_firm(firm_pk))).data)


class PersonTrackRecordView(GenericAPIView):
    api_resource = "people"
    serializer_class = TrackRecordOut
    queryset = User.objects.none()

    @extend_schema(
        summary="A person's track record",
        description="The record of the assets a person wrote, their entries, wins and judging. The person, the "
        "people of their firms and administrators may call it; anyone else gets a 404.",
        responses={200: TrackRecordOut, **problems(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        viewer = caller(request)
        person = User.objects.filter(pk=pk, is_active=True).first()
        if person is None or not person_record_visible(viewer=viewer, person=person):
            raise Http404
        return Response(TrackRecordOut(person_track_record(user=person)).data)
