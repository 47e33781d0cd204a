"""Forms of the belts' pages; the rules live in belts.services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from platform_.identity.models import Sector
from platform_.identity.regions import Province
from platform_.widgets import SearchableSelectMultiple


class BeltForm(forms.Form):
    name_zh = forms.CharField(label=_("Chinese name"), max_length=200)
    name_en = forms.CharField(label=_("English name"), max_length=200)
    province = forms.ChoiceField(label=_("province"), choices=Province.choices)
    city = forms.CharField(
        label=_("City or county"), max_length=60, required=False,
        help_text=_("Leave empty for a belt covering the whole province."),
    )  # fmt: skip
    sectors = forms.ModelMultipleChoiceField(
        label=_("sectors"), queryset=Sector.objects.order_by("code"), widget=SearchableSelectMultiple
    )
    description = forms.CharField(label=_("description"), widget=forms.Textarea, required=False, max_length=5000)
    agency = forms.ModelChoiceField(
        label=_("On behalf of the agency"), queryset=Agency.objects.none(), required=False,
        help_text=_("Platform administrators may leave this empty."),
    )  # fmt: skip

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
