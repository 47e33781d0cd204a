"""Forms of the knowledge pages: they parse input; the services decide."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from clusters.selectors import active_cluster_ids
from knowledge.models import AccessLevel, AssetKind, Decision, KnowledgeCategory, Licence, LinkKind
from platform_.identity.models import Firm
from platform_.widgets import SearchableSelectMultiple


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.replace("，", ",").split(",") if part.strip()]


class AssetForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AssetKind.choices)
    title_zh = forms.CharField(label=_("Chinese title"), max_length=300, required=False)
    title_en = forms.CharField(label=_("English title"), max_length=300, required=False)
    summary_zh = forms.CharField(label=_("Chinese summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    summary_en = forms.CharField(label=_("English summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    body = forms.CharField(
        label=_("Body (Markdown)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Knowledge categories"),
        queryset=KnowledgeCategory.objects.none(),
        required=False,
        widget=SearchableSelectMultiple,
    )
    tags = forms.CharField(label=_("Tags (comma-separated)"), required=False)
    licence = forms.ChoiceField(label=_("Licence"), choices=Licence.choices)
    licence_terms = forms.CharField(
        label=_("Licence terms"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for proprietary and patent licences."),
    )
    access_level = forms.ChoiceField(label=_("Who may see it"), choices=AccessLevel.choices)
    access_clusters = forms.ModelMultipleChoiceField(
        label=_("Clusters with access"),
        queryset=Cluster.objects.none(),
        required=False,
        widget=SearchableSelectMultiple,
    )
    access_firms = forms.CharField(
        label=_("Firms with access (credit codes, comma-separated)"),
        required=False,
    )
    co_owners = forms.CharField(
        label=_("Co-owner firms (credit codes, comma-separated; equal shares)"),
        help_text=_("Each firm is asked and co-owns the asset only once its owner or administrator accepts."),
        required=False,
    )
    creation_cost = forms.DecimalField(
        label=_("Cost of creating it (CNY)"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
    )
    file = forms.FileField(label=_("File"), required=False)

    def __init__(self, *args: Any, firm: Firm | None = None, with_owners: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["categories"]).queryset = KnowledgeCategory.objects.all()
        cast(forms.ModelMultipleChoiceField, self.fields["access_clusters"]).queryset = Cluster.objects.filter(
            pk__in=active_cluster_ids(firm=firm)
        )
        self.fields["file"].help_text = _("Up to %(size)s MB: PDF, images, Office files, text, Markdown, CSV.") % {
            "size": settings.ASSET_MAX_UPLOAD_BYTES // (1024 * 1024)
        }
        if not with_owners:
            del self.fields["co_owners"]

    def _firms(self, field: str) -> list[Firm]:
        codes = _codes(self.cleaned_data.get(field) or "")
        found = list(Firm.objects.filter(credit_code__in=codes, is_active=True))
        if len(found) != len(set(codes)):
            raise forms.ValidationError(_("Some credit codes match no firm."))
        return found

    def clean_access_firms(self) -> list[Firm]:
        return self._firms("access_firms")

    def clean_co_owners(self) -> list[Firm]:
        return self._firms("co_owners")

    def clean_tags(self) -> list[str]:
        return _codes(self.cleaned_data.get("tags") or "")

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("file", None)
        data.pop("co_owners", None)
        return data


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("Any kind")), *AssetKind.choices], required=False)
    category = forms.CharField(required=False, max_length=40)
    cluster = forms.IntegerField(required=False, min_value=1)
    licence = forms.ChoiceField(label=_("Licence"), choices=[("", _("Any licence")), *Licence.choices], required=False)
    date_from = forms.DateField(
        label=_("Published from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("Published to"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    page = forms.IntegerField(required=False, min_value=1, max_value=500)

    def filters(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "query": data.get("q") or "",
            "kind": data.get("kind") or "",
            "category": data.get("category") or "",
            "cluster": data.get("cluster") or "",
            "licence": data.get("licence") or "",
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }


class VersionForm(forms.Form):
    file = forms.FileField(label=_("File"))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class ModerationForm(ReasonForm):
    decision = forms.ChoiceField(label=_("Decision"), choices=[c for c in Decision.choices if c[0] != Decision.RESTORE])


class MessageForm(forms.Form):
    message = forms.CharField(
        label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class LinkForm(forms.Form):
    kind = forms.ChoiceField(label=_("Link"), choices=LinkKind.choices)
    citing = forms.IntegerField(label=_("Your asset"), min_value=1)


class DecideForm(forms.Form):
    grant = forms.TypedChoiceField(
        label=_("Decision"), choices=[("1", _("Grant")), ("0", _("Refuse"))], coerce=lambda v: v == "1"
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=4000)
    ends_on = forms.DateField(
        label=_("Ends on (optional)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
