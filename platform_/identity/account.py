"""A person's account: name and language (asked at sign-up, changed on the profile), the site's name."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language


def privacy_consent_field() -> forms.BooleanField:
    """The sign-up box (e-mail or phone). Unticked: consent is given by the person's own act (PIPL art. 14),
    recorded with the policy's version by ``privacy_consent_record``."""
    return forms.BooleanField(
        label=_("I have read the privacy policy and consent to the processing of my personal data to run my account"),
        required=True,
        initial=False,
    )


def privacy_consent_record(*, user: Any, request: HttpRequest) -> None:
    from platform_.compliance.models import Purpose
    from platform_.compliance.services import consent_give

    consent_give(user=user, purpose=Purpose.ACCOUNT, request=request)


class SignupForm(forms.Form):
    """The fields allauth's sign-up adds to e-mail and password (``ACCOUNT_SIGNUP_FORM_CLASS``)."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        help_text=_("Shown to other firms instead of your e-mail address."),
    )
    language = forms.ChoiceField(
        label=_("Language of notifications and e-mails"), choices=settings.LANGUAGES, required=True
    )
    privacy_consent = privacy_consent_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        codes = [code for code, _name in settings.LANGUAGES]
        active = get_language() or settings.LANGUAGE_CODE
        self.fields["language"].initial = active if active in codes else settings.LANGUAGE_CODE

    def clean_display_name(self) -> str:
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Please give your name."))
        return name

    def signup(self, request: HttpRequest, user: Any) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.language = self.cleaned_data["language"]
        user.save(update_fields=["display_name", "language"])
        privacy_consent_record(user=user, request=request)


class ProfileForm(forms.Form):
    """What a person may change about themselves: the name shown to others, the language, e-mails."""

    display_name = SignupForm.base_fields["display_name"]
    language = SignupForm.base_fields["language"]
    email_notifications = forms.BooleanField(label=_("E-mail me notifications"), required=False)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """``/me/``: a person's name, language and e-mail choice; the page switches to the chosen language."""
    user: Any = request.user
    initial = {
        "display_name": user.display_name,
        "language": user.language or settings.LANGUAGE_CODE,
        "email_notifications": user.email_notifications,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        get_user_model().objects.filter(pk=user.pk).update(
            display_name=data["display_name"].strip(),
            language=data["language"],
            email_notifications=data["email_notifications"],
        )
        response = redirect("profile")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, data["language"], samesite="Lax", secure=settings.SESSION_COOKIE_SECURE
        )
        messages.success(request, gettext("Your profile is saved."))
        return response
    return render(request, "identity/profile.html", {"form": form})


def language_set(request: HttpRequest) -> HttpResponse:
    """Django's language switch, which also keeps a signed-in person's choice for notifications and e-mails."""
    response = set_language(request)
    user = getattr(request, "user", None)
    chosen = request.POST.get("language", "") if request.method == "POST" else ""
    codes = [code for code, _name in settings.LANGUAGES]
    if user is not None and user.is_authenticated and chosen in codes and user.language != chosen:
        get_user_model().objects.filter(pk=user.pk).update(language=chosen)
    return response


def sync_site(**kwargs: Any) -> None:
    """Name the site after the platform and its address (allauth's e-mails show it), never example.com."""
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.SITE_URL).netloc or "virtual-clusters.local"
    Site.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": domain, "name": "Virtual Clusters"})
