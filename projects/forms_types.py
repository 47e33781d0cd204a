"""Forms of the challenge types' pages (ideas, proposals, milestones); they only parse, the services decide."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from projects.models_types import COMMENT_MAX_LENGTH, IDEA_MAX_LENGTH
from projects.services.proposals import MAX_MILESTONES, MilestoneTerms


class IdeaForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    text = forms.CharField(
        label=_("Your idea"),
        max_length=IDEA_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": IDEA_MAX_LENGTH}),
        help_text=_("Keep it short: at most %(limit)s characters.") % {"limit": IDEA_MAX_LENGTH},
    )


class IdeaCommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), max_length=COMMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2}))


class ProposalForm(forms.Form):
    summary = forms.CharField(label=_("Approach"), max_length=8000, widget=forms.Textarea(attrs={"rows": 4}))
    price = forms.DecimalField(label=_("Price (CNY)"), max_digits=14, decimal_places=2, min_value=0)
    delivery_days = forms.IntegerField(label=_("Delivery time (days)"), min_value=1, max_value=36500)
    milestones = forms.CharField(
        label=_("Milestones"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One per line: title | payment in CNY | due day after the start. The payments add up to the price."
        ),
    )

    def clean_milestones(self) -> list[MilestoneTerms]:
        lines = [line for line in self.cleaned_data["milestones"].splitlines() if line.strip()]
        if not lines or len(lines) > MAX_MILESTONES:
            raise ValidationError(_("Give between 1 and %(max)s milestones.") % {"max": MAX_MILESTONES})
        terms = []
        for line in lines:
            parts = [part.strip() for part in line.split("|")]
            try:
                title, amount, due = parts
                payment = Decimal(amount)
                if not payment.is_finite():
                    raise ValueError(amount)
                terms.append(MilestoneTerms(title, payment, int(due)))
            except (ValueError, InvalidOperation) as error:
                raise ValidationError(
                    _("Write each milestone as: title | payment | due day (e.g. Prototype | 40000 | 30).")
                ) from error
        return terms


class MilestoneNoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=8000, widget=forms.Textarea(attrs={"rows": 2}))
