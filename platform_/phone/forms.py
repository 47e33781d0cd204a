"""Forms of the phone sign-in: the number, the code, and the name and language of a new person.

``PhoneSignupForm`` is the phone counterpart of the e-mail sign-up form: what a new person is asked
(and, where a deployment asks consent at sign-up, the place for it).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from platform_.identity.account import privacy_consent_field


class PhoneNumberForm(forms.Form):
    number = forms.CharField(
        label=_("Mobile number"),
        max_length=32,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel", "placeholder": "138 0013 8000"}),
    )


class SmsCodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Code from the SMS"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("The code has six digits.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class PhoneSignupForm(forms.Form):
    display_name = forms.CharField(
        label=_("Your name"), max_length=120, help_text=_("Shown to other firms instead of your mobile number.")
    )
    language = forms.ChoiceField(label=_("Language of notifications"), choices=settings.LANGUAGES)
    privacy_consent = privacy_consent_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        codes = [code for code, _name in settings.LANGUAGES]
        active = get_language() or settings.LANGUAGE_CODE
        self.fields["language"].initial = active if active in codes else settings.LANGUAGE_CODE

    def clean_display_name(self) -> str:
        name = str(self.cleaned_data["display_name"]).strip()
        if not name:
            raise forms.ValidationError(_("Please give your name."))
        return name
