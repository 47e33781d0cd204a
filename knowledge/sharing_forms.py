"""Forms of the sharing mechanism: contributor rules, embargoes, appeals and the review of new versions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ContributorRuleForm(forms.Form):
    min_assets = forms.IntegerField(label=_("Published assets needed"), min_value=0, max_value=1000, initial=1)
    window_days = forms.IntegerField(label=_("Counted over (days)"), min_value=1, max_value=3660, initial=365)
    min_outflow = forms.FloatField(
        label=_("Knowledge outflow needed (0: not used)"), min_value=0, max_value=1e12, initial=0, required=False
    )


class EmbargoForm(forms.Form):
    until = forms.DateField(
        label=_("Under embargo until (empty: lift it)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class AppealForm(forms.Form):
    statement = forms.CharField(label=_("Your statement"), widget=forms.Textarea(attrs={"rows": 4}), max_length=8000)


class AppealDecideForm(forms.Form):
    restore = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Restore the asset")), ("0", _("Uphold the take-down"))],
        coerce=lambda v: v == "1",
    )
    reason = forms.CharField(label=_("Reason"), max_length=4000)


class VersionReviewForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Decision"), choices=[("1", _("Approve")), ("0", _("Refuse"))], coerce=lambda v: v == "1"
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=4000)
