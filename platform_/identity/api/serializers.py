"""Input and output shapes of the identity API: firms, their people and invitations, the taxonomies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from platform_.api.lean import LeanOutput
from platform_.compliance.selectors import people_shown_to
from platform_.identity.credit_code import validate_credit_code
from platform_.identity.models import (
    Capability,
    Firm,
    FirmInvitation,
    FirmMember,
    FirmRole,
    FirmSize,
    Sector,
    User,
    localized,
)
from platform_.identity.regions import Province

# Output


class SectorOut(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = Sector
        fields = ["code", "section", "name", "name_zh", "name_en"]


class SectorBriefOut(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = Sector
        fields = ["code", "name"]


class CapabilityOut(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    parent: serializers.SlugRelatedField = serializers.SlugRelatedField(  # type: ignore[assignment]
        slug_field="code", read_only=True, allow_null=True
    )

    class Meta:
        model = Capability
        fields = ["code", "parent", "name", "name_zh", "name_en"]


class CapabilityBriefOut(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = Capability
        fields = ["code", "name"]


class FirmBriefOut(LeanOutput, serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = Firm
        fields = ["id", "name", "province", "city", "verification"]


_PROVINCE_LABELS = dict(Province.choices)


def _briefs(kind: str) -> Callable[[Firm], list[dict[str, str]]]:
    """A firm's sectors, capabilities or needs as ``{code, name}`` by code, as the brief serializers give them.

    From ``taxonomy`` when ``selectors.firms_with_taxonomy`` set it (lists), else from the relation.
    """

    def briefs(firm: Firm) -> list[dict[str, str]]:
        rows = getattr(firm, "taxonomy", None)
        if rows is None:
            return [{"code": item.code, "name": item.name} for item in getattr(firm, kind).all()]
        return [{"code": code, "name": localized(name_zh, name_en)} for code, name_zh, name_en in rows[kind]]

    return briefs


class FirmOut(LeanOutput, serializers.ModelSerializer):
    lean_fields = {
        "province_name": lambda firm: str(_PROVINCE_LABELS.get(firm.province, firm.province)),
        "sectors": _briefs("sectors"),
        "capabilities": _briefs("capabilities"),
        "needs": _briefs("needs"),
    }
    name = serializers.CharField(read_only=True)
    province_name = serializers.CharField(source="get_province_display", read_only=True)
    sectors = SectorBriefOut(many=True, read_only=True)
    capabilities = CapabilityBriefOut(many=True, read_only=True)
    needs = CapabilityBriefOut(many=True, read_only=True)

    class Meta:
        model = Firm
        fields = [
            "id",
            "name",
            "name_zh",
            "name_en",
            "credit_code",
            "province",
            "province_name",
            "city",
            "size",
            "description",
            "website",
            "sectors",
            "capabilities",
            "needs",
            "verification",
            "created_at",
        ]


class PersonOut(serializers.ModelSerializer):
    """A person; to a partner's API key, their name and e-mail only with their consent (PIPL art. 23, 39)."""

    withheld = serializers.SerializerMethodField(
        help_text="True when the person has not consented to giving their name and e-mail address to this "
        "caller (a partner's API key; abroad, also to cross-border transfer): both are then empty."
    )

    class Meta:
        model = User
        fields = ["id", "email", "display_name", "withheld"]

    def _withheld(self, user: User) -> bool:
        shown = self.context.get("people_shown")
        if shown is None and "request" in self.context:
            shown = people_shown_to(request=self.context["request"], user_ids=[user.pk])
        return shown is not None and user.pk not in shown

    def get_withheld(self, user: User) -> bool:
        return self._withheld(user)

    def to_representation(self, instance: Any) -> Any:
        data = super().to_representation(instance)
        if data["withheld"]:
            data["email"] = data["display_name"] = ""
        return data


class FirmMemberOut(serializers.ModelSerializer):
    user = PersonOut(read_only=True)

    class Meta:
        model = FirmMember
        fields = ["id", "user", "role", "title", "joined_at"]


class InvitationOut(serializers.ModelSerializer):
    firm = FirmBriefOut(read_only=True)

    class Meta:
        model = FirmInvitation
        fields = ["id", "firm", "email", "role", "created_at", "expires_at"]


# Input


def _codes(model: type[Sector] | type[Capability], *, required: bool) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="code", queryset=model.objects.all(), many=True, required=required, allow_empty=not required
    )


class FirmIn(serializers.Serializer):
    """A firm's profile as sent to register or change it; sectors and capabilities by code."""

    name_zh = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    credit_code = serializers.CharField(max_length=18, validators=[validate_credit_code])
    province = serializers.ChoiceField(choices=Province.choices)
    city = serializers.CharField(max_length=60)
    size = serializers.ChoiceField(choices=FirmSize.choices, default=FirmSize.SMALL)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    website = serializers.URLField(required=False, allow_blank=True, default="")
    sectors = _codes(Sector, required=True)
    capabilities = _codes(Capability, required=False)
    needs = _codes(Capability, required=False)

    def validate(self, attrs: dict) -> dict:
        if not self.partial and not (attrs.get("name_zh") or attrs.get("name_en")):
            raise serializers.ValidationError({"name_zh": _("Give the firm a Chinese or an English name.")})
        return attrs


class FirmUpdateIn(FirmIn):
    """A change to a firm's profile; the credit code cannot change."""

    credit_code = None  # type: ignore[assignment]


class InvitationIn(serializers.Serializer):
    email = serializers.EmailField()
    role = serializers.ChoiceField(choices=FirmRole.choices, default=FirmRole.MEMBER)


class InvitationAcceptIn(serializers.Serializer):
    token = serializers.CharField(max_length=64)


class RoleIn(serializers.Serializer):
    role = serializers.ChoiceField(choices=FirmRole.choices)
