"""Forms of the rounds, assignment and appeal parts of the project page; they only parse."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class PhaseForm(forms.Form):
    name = forms.CharField(label=_("Phase name"), max_length=120)
    deadline = forms.DateTimeField(
        label=_("Deadline for entries"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=DATETIME_FORMATS,
    )
    rules = forms.CharField(label=_("Entry rules"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    shortlist_limit = forms.IntegerField(label=_("Most entries shortlisted"), required=False, min_value=1)


class AutoAssignForm(forms.Form):
    reviews_per_entry = forms.IntegerField(label=_("Reviews per entry"), min_value=1, max_value=50, initial=2)


class AppealForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=8000)
    attachment = forms.FileField(label=_("Attachment (optional)"), required=False)


class EvaluationForm(forms.Form):
    min_reviews = forms.IntegerField(label=_("Reviews needed before an entry is ranked"), min_value=1, max_value=50)
    appeal_window_hours = forms.IntegerField(
        label=_("Appeal window (hours after the scores are published)"), min_value=0, max_value=720
    )
    normalise_scores = forms.BooleanField(label=_("Show per-judge normalised scores (z-scores)"), required=False)
