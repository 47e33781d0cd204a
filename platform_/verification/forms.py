"""Forms of verification: a firm's request, an administrator's decision."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class RequestForm(forms.Form):
    legal_representative = forms.CharField(label=_("Legal representative (as on the business licence)"), max_length=100)
    licence = forms.FileField(label=_("Business licence (PDF, PNG or JPEG, at most 10 MB)"), required=False)


class DecideForm(forms.Form):
    request = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    approve = forms.BooleanField(required=False, widget=forms.HiddenInput)
    reason = forms.CharField(max_length=500, required=False)
