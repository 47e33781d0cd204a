"""Forms of the firm administrators' pages: a new API key, a webhook endpoint."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from platform_.api.models import EndpointKind
from platform_.api.scopes import READ, RESOURCES, WRITE
from platform_.api.webhooks import webhook_events

LEVELS = [("", _("No access")), (READ, _("Read")), (WRITE, _("Read and write"))]


class ApiKeyForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100, help_text=_("Say who uses it, e.g. “ERP sync”."))
    expires_at = forms.DateField(
        label=_("Expires on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for a key that does not expire."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for resource, label in RESOURCES.items():
            self.fields[f"scope_{resource}"] = forms.ChoiceField(label=label, choices=LEVELS, required=False)

    def scope_fields(self) -> list[forms.BoundField]:
        return [self[f"scope_{resource}"] for resource in RESOURCES]

    def clean_expires_at(self) -> Any:
        value = self.cleaned_data.get("expires_at")
        if value and value <= timezone.localdate():
            raise forms.ValidationError(_("The expiry must be in the future."))
        return value

    def scopes(self) -> list[str]:
        chosen = []
        for resource in RESOURCES:
            level = self.cleaned_data.get(f"scope_{resource}")
            if level:
                chosen.append(f"{resource}:{level}")
        return chosen

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not self.scopes():
            raise forms.ValidationError(_("Give the key access to at least one resource."))
        return data


class WebhookEndpointForm(forms.Form):
    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https")
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=lambda: list(webhook_events().items()), widget=forms.CheckboxSelectMultiple
    )


class GroupRobotForm(forms.Form):
    """A DingTalk, Feishu or WeCom group robot, as the group's settings show it."""

    kind = forms.ChoiceField(
        label=_("Service"), choices=[(kind.value, kind.label) for kind in EndpointKind if kind != EndpointKind.WEBHOOK]
    )
    url = forms.URLField(
        label=_("Robot webhook address"),
        max_length=500,
        assume_scheme="https",
        help_text=_("Copied from the robot's settings in the group."),
    )
    secret = forms.CharField(
        label=_("Signing secret"),
        max_length=80,
        required=False,
        help_text=_(
            "DingTalk: the “SEC…” secret of “Additional signature”; "
            "Feishu: the “Signature verification” secret; WeCom: none."
        ),
    )
    language = forms.ChoiceField(label=_("Language of the group"), choices=lambda: list(settings.LANGUAGES))
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=lambda: list(webhook_events().items()), widget=forms.CheckboxSelectMultiple
    )
