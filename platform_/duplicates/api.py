"""The duplicate flags in the partner API: a submission's flags, and a reviewer's decision on one.

The same selectors and services as the pages: flags only for who may review the submission, matches
only that the caller may see, a 404 for everything else.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from platform_.api.permissions import caller, problems
from platform_.api.validation import validated
from platform_.duplicates import selectors, services
from platform_.duplicates.models import DuplicateFlag, FlagStatus, Method
from platform_.duplicates.registry import kind_get, kinds
from platform_.identity.middleware import acting_firm


class FlagOut(serializers.Serializer):
    id = serializers.IntegerField(source="flag.pk")
    match_kind = serializers.CharField(source="flag.match_kind")
    match_id = serializers.IntegerField(source="flag.match_id")
    title = serializers.CharField(help_text="The match's title, which the caller may see.")
    url = serializers.CharField(help_text="The match's page.")
    method = serializers.ChoiceField(source="flag.method", choices=Method.choices)
    similarity = serializers.FloatField(source="flag.similarity", help_text="1 for the same file; else Jaccard.")
    status = serializers.ChoiceField(source="flag.status", choices=FlagStatus.choices)
    actions = serializers.ListField(child=serializers.CharField(), help_text="What the caller may decide.")


class DecideIn(serializers.Serializer):
    action = serializers.ChoiceField(choices=sorted(services.ACTIONS))


class DecisionOut(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=FlagStatus.choices)


class _KindView(GenericAPIView):
    queryset = DuplicateFlag.objects.none()

    @property
    def api_resource(self) -> str | None:
        kind = kind_get(getattr(self, "kwargs", {}).get("kind", ""))
        return kind.api_resource or None if kind is not None else None

    @classmethod
    def schema_api_resources(cls) -> list[str]:
        """For the schema: the resource depends on the kind in the path, so every kind's (one of them)."""
        return sorted({kind.api_resource for kind in kinds() if kind.api_resource})


class FlagsView(_KindView):
    serializer_class = FlagOut

    @extend_schema(
        summary="Possible duplicates of a submission",
        description="The flags of a submitted asset (kind knowledge.asset) or entry (projects.entry): matches "
        "among what its submitter could see, and that the caller may see now. The submitter's firm and the "
        "submission's moderators may call it; anyone else gets a 404.",
        responses={200: FlagOut(many=True), **problems(401, 403, 404)},
    )
    def get(self, request: Request, kind: str, subject_id: int) -> Response:
        user = caller(request)
        role, shown = selectors.flags_for(user=user, firm=acting_firm(request), kind=kind, subject_id=subject_id)
        if role is None:
            raise Http404
        return Response(FlagOut(shown, many=True).data)


class DecideView(_KindView):
    serializer_class = DecisionOut

    @extend_schema(
        summary="Decide on a possible duplicate",
        description="new_version (a derivation link), cite, or not_duplicate. The submitter's firm may do all "
        "three; a moderator only not_duplicate (403 otherwise); a decided flag is a 409.",
        request=DecideIn,
        responses={200: DecisionOut, **problems(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, kind: str, subject_id: int, pk: int) -> Response:
        user = caller(request)
        action: Any = validated(DecideIn, request.data)["action"]
        if not DuplicateFlag.objects.filter(pk=pk, kind=kind, subject_id=subject_id).exists():
            raise Http404
        flag = services.flag_decide(flag_id=pk, by=user, firm=acting_firm(request), action=action)
        return Response(DecisionOut({"id": flag.pk, "status": flag.status}).data)
