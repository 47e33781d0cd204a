"""Forms of the project pages; they only parse, the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster, ClusterStatus
from platform_.constraints import ConstraintMessagesMixin
from projects.models import Project


class ProjectForm(ConstraintMessagesMixin, forms.ModelForm):
    constraint_messages = {
        "project_has_an_award": ("award_amount", _("State an award: an amount, something else, or both.")),
    }

    deadline = forms.DateTimeField(
        label=_("Deadline for entries"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        help_text=_("In your time zone (the platform's: China Standard Time)."),
    )
    invited_credit_codes = forms.CharField(
        label=_("Invited firms (credit codes, one per line)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = Project
        fields = [
            "kind",
            "title",
            "brief",
            "requirements",
            "confidential_brief",
            "terms",
            "eligibility",
            "eligible_clusters",
            "award_amount",
            "award_other",
            "ip_terms",
            "deadline",
            "cluster",
        ]
        widgets = {
            "brief": forms.Textarea(attrs={"rows": 5}),
            "requirements": forms.Textarea(attrs={"rows": 3}),
            "confidential_brief": forms.Textarea(attrs={"rows": 3}),
            "terms": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        approved = Cluster.objects.filter(status=ClusterStatus.APPROVED)
        self.fields["eligible_clusters"].queryset = approved  # type: ignore[attr-defined]
        self.fields["eligible_clusters"].required = False
        self.fields["cluster"].queryset = approved  # type: ignore[attr-defined]

    def invited_codes(self) -> list[str]:
        return [
            line.strip().upper()
            for line in self.cleaned_data.get("invited_credit_codes", "").splitlines()
            if line.strip()
        ]


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Criterion"), max_length=150)
    weight = forms.DecimalField(label=_("Weight"), min_value=0, max_digits=6, decimal_places=3, initial=1)
    scale_min = forms.IntegerField(label=_("Lowest score"), min_value=0, initial=0)
    scale_max = forms.IntegerField(label=_("Highest score"), min_value=1, initial=10)
    description = forms.CharField(label=_("Description"), required=False)


class JudgeForm(forms.Form):
    email = forms.EmailField(label=_("Judge's e-mail address"))


class TransitionForm(forms.Form):
    action = forms.CharField(max_length=20)
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Your question"), widget=forms.Textarea(attrs={"rows": 2}))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 2}))
    public = forms.BooleanField(label=_("Answer publicly (all solvers are told)"), required=False, initial=True)


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Team name"), max_length=120, required=False)
    partners = forms.CharField(
        label=_("Partner firms: credit code and share, one per line (e.g. 91330100XXXXXXXXXX 0.3)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Each partner is invited; it joins with its share only when its owners or administrators accept."),
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self, data: object, initial: object = None) -> list[object]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class EntryForm(forms.Form):
    title = forms.CharField(label=_("Title of your entry"), max_length=200, required=False)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    files = MultipleFileField(label=_("Files"))  # type: ignore[assignment]  # a declared field, not BaseForm.files
    cited = forms.CharField(label=_("Knowledge assets it builds on (ids, comma-separated)"), required=False)

    def cited_ids(self) -> list[int]:
        return [int(part) for part in self.cleaned_data.get("cited", "").replace(" ", "").split(",") if part.isdigit()]


class VerifyForm(forms.Form):
    receipt = forms.FileField(label=_("Receipt (the .json file)"), required=False)
    receipt_text = forms.CharField(
        label=_("…or paste the receipt"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    file = forms.FileField(label=_("File to check"))

    def receipt_data(self) -> str:
        upload = self.cleaned_data.get("receipt")
        if upload:
            return upload.read().decode("utf-8", errors="replace")
        return self.cleaned_data.get("receipt_text", "")


class ConflictForm(forms.Form):
    reason = forms.CharField(label=_("Why you have a conflict"), widget=forms.Textarea(attrs={"rows": 2}))


class FeedbackForm(forms.Form):
    feedback = forms.CharField(label=_("Feedback to the solvers"), widget=forms.Textarea(attrs={"rows": 3}))
