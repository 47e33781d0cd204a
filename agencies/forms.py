"""Forms of the agencies' pages; the rules live in agencies.services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from agencies.models import AgencyKind, GuidanceKind
from platform_.identity.credit_code import validate_credit_code
from platform_.identity.models import Sector
from platform_.identity.regions import Province
from platform_.widgets import SearchableSelectMultiple


class AgencyRegisterForm(forms.Form):
    name_zh = forms.CharField(label=_("Chinese name"), max_length=200)
    name_en = forms.CharField(label=_("English name"), max_length=200, required=False)
    kind = forms.ChoiceField(label=capfirst(_("kind")), choices=AgencyKind.choices)
    national = forms.BooleanField(label=_("National jurisdiction (ministries only)"), required=False)
    credit_code = forms.CharField(
        label=_("Unified social credit code"), max_length=18, required=False, validators=[validate_credit_code],
        help_text=_("The public body's own code; it sponsors challenges under it once verified."),
    )  # fmt: skip
    provinces = forms.MultipleChoiceField(
        label=_("Provinces of the jurisdiction"), choices=Province.choices, required=False,
        widget=SearchableSelectMultiple,
    )  # fmt: skip
    city = forms.CharField(
        label=_("City or county (only with one province)"), max_length=60, required=False,
        help_text=_("Leave empty when the agency covers the whole province."),
    )  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("city") and len(data.get("provinces") or []) != 1:
            self.add_error("city", _("A city or county belongs to exactly one province."))
        if not data.get("national") and not data.get("provinces"):
            self.add_error("provinces", _("Name at least one region of the jurisdiction."))
        return data

    def regions(self) -> list[tuple[str, str]]:
        city = self.cleaned_data.get("city", "").strip()
        return [(province, city) for province in self.cleaned_data.get("provinces") or []]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern); each is vetted by the upload policy later."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [] if data in self.empty_values else [single(data, initial)]


class GuidanceForm(forms.Form):
    kind = forms.ChoiceField(label=capfirst(_("kind")), choices=GuidanceKind.choices)
    title = forms.CharField(label=capfirst(_("title")), max_length=200)
    body = forms.CharField(label=capfirst(_("text")), widget=forms.Textarea, max_length=20_000)
    provinces = forms.MultipleChoiceField(
        label=_("Provinces in scope (none: the whole jurisdiction)"), choices=(), required=False,
        widget=SearchableSelectMultiple,
    )  # fmt: skip
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors in scope (none: every sector)"), queryset=Sector.objects.order_by("code"), required=False,
        widget=SearchableSelectMultiple,
    )  # fmt: skip
    valid_from = forms.DateField(label=capfirst(_("valid from")), widget=forms.DateInput(attrs={"type": "date"}))
    valid_until = forms.DateField(
        label=capfirst(_("valid until")), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    attachments = MultipleFileField(
        label=_("Attachments"), required=False,
        help_text=_("PDF, office documents, images or text; no web pages or scripts."),
    )  # fmt: skip

    def __init__(self, *args: Any, provinces: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["provinces"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = provinces


class DecisionForm(forms.Form):
    approve = forms.TypedChoiceField(choices=(("1", "1"), ("0", "0")), coerce=lambda v: v == "1")
    reason = forms.CharField(required=False, max_length=2000)
