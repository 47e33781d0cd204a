"""Forms of identity's pages: firm registration and profile, invitations and roles."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from platform_.errors import DomainError
from platform_.identity.models import Capability, Firm, FirmRole, Sector
from platform_.identity.regions import Province
from platform_.widgets import SearchableSelectMultiple


class TaxonomyChoiceField(forms.ModelMultipleChoiceField):
    """A multi-select whose labels follow the active language."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


def add_domain_error(form: forms.BaseForm, error: DomainError | ValidationError) -> None:
    """Show a service's refusal on the form: on its field when the form has it, else on top."""
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return
    field = error.field if error.field and error.field in form.fields else None
    form.add_error(field, str(error.message))


class FirmForm(forms.ModelForm):
    """A firm's profile; the credit code is given once, at registration."""

    sectors = TaxonomyChoiceField(
        queryset=Sector.objects.order_by("code"),
        widget=SearchableSelectMultiple,
        label=_("Sectors (GB/T 4754 divisions)"),
    )
    capabilities = TaxonomyChoiceField(
        queryset=Capability.objects.order_by("code"),
        widget=SearchableSelectMultiple,
        required=False,
        label=_("Capabilities (what the firm can do)"),
    )
    needs = TaxonomyChoiceField(
        queryset=Capability.objects.order_by("code"),
        widget=SearchableSelectMultiple,
        required=False,
        label=_("Needs (what the firm lacks)"),
    )

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Firm
        fields = [
            "name_zh",
            "name_en",
            "credit_code",
            "province",
            "city",
            "size",
            "sectors",
            "capabilities",
            "needs",
            "description",
            "website",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "credit_code": _("The 18-character unified social credit code on the business licence."),
            "name_zh": _("Give the Chinese name, the English name, or both."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["credit_code"]
        cast(forms.ChoiceField, self.fields["province"]).choices = [("", _("Choose a province")), *Province.choices]

    def clean_credit_code(self) -> str:
        return (self.cleaned_data.get("credit_code") or "").strip().upper()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("name_zh") or "").strip() and not (data.get("name_en") or "").strip():
            raise ValidationError(_("Give the firm a Chinese or an English name."))
        return data

    def validate_unique(self) -> None:
        """The service reports a duplicate credit code as a conflict on the field."""


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=FirmRole.choices, initial=FirmRole.MEMBER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=FirmRole.choices)


class FirmSwitchForm(forms.Form):
    firm = forms.IntegerField()
