"""Forms of the privacy pages: giving or withdrawing a consent, deleting an account, closing a firm."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from platform_.compliance.models import SHARING_PURPOSES


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(choices=[(purpose.value, purpose.label) for purpose in SHARING_PURPOSES])
    give = forms.BooleanField(required=False)


class ConfirmForm(forms.Form):
    """A typed confirmation, so that an irreversible step is never one stray click."""

    confirm = forms.CharField(label=_("Type DELETE to confirm"), max_length=20)
    word = "DELETE"

    def clean_confirm(self) -> str:
        value = self.cleaned_data["confirm"].strip()
        if value.upper() != self.word:
            raise forms.ValidationError(_("Type the word exactly as shown to confirm."))
        return value


class CloseFirmForm(ConfirmForm):
    confirm = forms.CharField(label=_("Type CLOSE to confirm"), max_length=20)
    word = "CLOSE"
