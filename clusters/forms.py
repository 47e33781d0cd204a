"""Forms of the cluster pages: the directory's filters, proposals, applications and moderators' decisions."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusters.models import JoinPolicy, ReviewPolicy
from platform_.api.forms import GroupRobotForm
from platform_.identity.models import Capability, Firm, Sector
from platform_.identity.regions import Province
from platform_.widgets import SearchableSelectMultiple


def _blank(label: Any, choices: Any) -> list[tuple[str, Any]]:
    return [("", label), *list(choices)]


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    province = forms.ChoiceField(label=_("Province"), required=False)
    capability = forms.ChoiceField(label=_("Capability of members"), required=False)
    policy = forms.ChoiceField(label=_("Who may join"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs["placeholder"] = _("Name, theme or belt")
        cast(forms.ChoiceField, self.fields["sector"]).choices = _blank(
            _("All sectors"), [(s.code, str(s)) for s in Sector.objects.order_by("code")]
        )
        cast(forms.ChoiceField, self.fields["province"]).choices = _blank(_("All provinces"), Province.choices)
        cast(forms.ChoiceField, self.fields["capability"]).choices = _blank(
            _("All capabilities"), [(c.code, c.name) for c in Capability.objects.order_by("code")]
        )
        cast(forms.ChoiceField, self.fields["policy"]).choices = _blank(_("Any rule"), JoinPolicy.choices)

    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "query": data["q"].strip(),
            "sector": data["sector"],
            "province": data["province"],
            "capability": data["capability"],
            "policy": data["policy"],
        }


class ClusterProposeForm(forms.Form):
    name_zh = forms.CharField(label=_("Chinese name"), max_length=200, required=False)
    name_en = forms.CharField(label=_("English name"), max_length=200, required=False)
    slug = forms.SlugField(
        label=_("Short name"),
        max_length=80,
        required=False,
        help_text=_("Letters, digits and hyphens, used in the address; made from the English name if left empty."),
    )
    theme = forms.CharField(label=_("Theme (sector or value chain)"), max_length=300)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.order_by("code"), widget=SearchableSelectMultiple
    )
    home_province = forms.ChoiceField(label=_("Home belt province"), required=False)
    home_belt = forms.CharField(
        label=_("Home belt"),
        max_length=200,
        required=False,
        help_text=_("The geographic industry belt this cluster mirrors, if any."),
    )
    join_policy = forms.ChoiceField(label=_("Who may join"), choices=JoinPolicy.choices, initial=JoinPolicy.APPLICATION)
    asset_review = forms.ChoiceField(
        label=_("Review of shared assets"), choices=ReviewPolicy.choices, initial=ReviewPolicy.BEFORE
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["home_province"]).choices = _blank(_("None"), Province.choices)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("name_zh") or "").strip() and not (data.get("name_en") or "").strip():
            raise forms.ValidationError(_("Give the cluster a Chinese or an English name."))
        if not data.get("slug") and not (data.get("name_en") or "").strip():
            self.add_error("slug", _("Give a short name, or an English name to make it from."))
        return data


class ApplyForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the moderators"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000)


class InviteFirmForm(forms.Form):
    firm = forms.ModelChoiceField(label=_("Firm"), queryset=Firm.objects.none())
    message = forms.CharField(label=_("Message"), required=False, max_length=2000)

    def __init__(self, *args: Any, firms: QuerySet[Firm] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if firms is not None:
            cast(forms.ModelChoiceField, self.fields["firm"]).queryset = firms


class ClusterRobotForm(GroupRobotForm):
    """A cluster's group robot: the group robot's settings, and the moderator's firm it delivers through."""

    field_order = ["firm", "kind", "url", "secret", "language", "description", "events"]

    def __init__(self, *args: Any, firms: QuerySet[Firm], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["firm"] = forms.ModelChoiceField(
            label=_("Delivered through the firm"),
            queryset=firms,
            help_text=_("One of the firms you manage: the robot hears only what that firm may hear."),
        )
        self.order_fields(self.field_order)
