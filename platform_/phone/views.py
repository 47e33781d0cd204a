"""Pages of the phone sign-in: ask the number, check the code, then sign in, sign up or link the number.

The same three pages serve a returning person (signed in), a new one (asked a name, then signed up)
and a signed-in person adding their number. Whether a number has an account is told only after its
code was checked, so the pages reveal nothing about numbers one does not hold.
"""

from __future__ import annotations

import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from platform_.errors import DomainError
from platform_.identity.account import privacy_consent_record
from platform_.identity.middleware import signed_in
from platform_.phone import services
from platform_.phone.forms import PhoneNumberForm, PhoneSignupForm, SmsCodeForm
from platform_.phone.numbers import phone_masked

PENDING = "phone_pending"  # the number a code was sent to
VERIFIED = "phone_verified"  # {"number", "at"}: a checked number without an account yet
VERIFIED_FOR = 600  # seconds a checked number may take to become an account
NEXT = "phone_next"


def _client(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def _next(request: HttpRequest) -> str:
    target = str(request.session.pop(NEXT, "") or "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _sign_in(request: HttpRequest, user: object) -> HttpResponse:
    get_adapter(request).login(request, user)
    return redirect(_next(request))


def phone_start(request: HttpRequest) -> HttpResponse:
    form = PhoneNumberForm(request.POST or None)
    if request.method == "GET" and request.GET.get("next"):
        request.session[NEXT] = request.GET["next"]
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            number = services.sms_code_send(
                number=form.cleaned_data["number"], client=_client(request), language=get_language() or ""
            )
        except DomainError as error:
            form.add_error("number", str(error.message))
            status = error.status_code
        else:
            request.session[PENDING] = number
            return redirect("phone:verify")
    return render(request, "phone/start.html", {"form": form}, status=status)


def phone_verify(request: HttpRequest) -> HttpResponse:
    number = request.session.get(PENDING)
    if not number:
        return redirect("phone:start")
    form = SmsCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not services.sms_code_check(number=number, code=form.cleaned_data["code"]):
            form.add_error("code", _("This code is wrong or has expired. Ask for a new one if needed."))
        else:
            del request.session[PENDING]
            if request.user.is_authenticated:
                try:
                    services.phone_link(user=signed_in(request), number=number)
                except DomainError as error:
                    messages.error(request, str(error.message))
                else:
                    messages.success(request, _("Your mobile number was added to your account."))
                return redirect(_next(request))
            user = services.phone_account(number=number)
            if user is not None:
                return _sign_in(request, user)
            request.session[VERIFIED] = {"number": number, "at": time.time()}
            return redirect("phone:welcome")
    return render(request, "phone/verify.html", {"form": form, "masked": phone_masked(number)})


def phone_welcome(request: HttpRequest) -> HttpResponse:
    verified = request.session.get(VERIFIED) or {}
    if not verified or time.time() - float(verified.get("at", 0)) > VERIFIED_FOR:
        request.session.pop(VERIFIED, None)
        return redirect("phone:start")
    form = PhoneSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.phone_sign_up(
                number=verified["number"],
                display_name=form.cleaned_data["display_name"],
                language=form.cleaned_data["language"],
            )
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            privacy_consent_record(user=user, request=request)
            del request.session[VERIFIED]
            return _sign_in(request, user)
    return render(request, "phone/welcome.html", {"form": form, "masked": phone_masked(verified["number"])})
