"""Admin screens: the code step after the password, setting up an app, recovery codes, resetting a lost
device, and the list of login lockouts with an "Unlock" button."""

import logging
from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import lockouts
from .second_factor import (
    APP_DEVICE_NAME,
    device_for_code,
    has_second_factor,
    is_required,
    new_recovery_codes,
    remove_second_factor,
)

logger = logging.getLogger(__name__)
ENROL_SESSION_KEY = "staff_security_enrol_device"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code from your authenticator app, or one of your recovery codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class EnrolForm(forms.Form):
    code = forms.CharField(
        label="Code from the app",
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    password = forms.CharField(label="Your password", widget=forms.PasswordInput)


def next_url(request):
    """Where to go after the step: the ``next`` the step was given, if it is on this site, else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def step_response(request, template, **context):
    return TemplateResponse(request, f"staff_security/{template}", {"next": next_url(request), **context})


def verify(request):
    """The second step of logging in: a code from the app or a recovery code."""
    if request.user.is_verified() or not has_second_factor(request.user):
        return redirect(next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device, code = device_for_code(request.user, form.cleaned_data["code"])
        if device and not device.verify_is_allowed()[0]:
            # django-otp doubles the wait after each wrong code, so codes cannot be guessed one after another.
            form.add_error("code", "Too many wrong codes: wait a few seconds, then try again.")
        elif device and verify_token(request.user, device.persistent_id, code):
            otp_login(request, device)
            return redirect(next_url(request))
        else:
            logger.warning("Wrong second-factor code for user %s (id %s)", request.user, request.user.pk)
            form.add_error("code", "That code is not right, or has been used. Please try again.")
    return step_response(request, "verify.html", form=form)


def pending_device(request):
    """The app being set up in this session: the same secret on every reload until it is confirmed."""
    device = TOTPDevice.objects.filter(
        user=request.user, confirmed=False, pk=request.session.get(ENROL_SESSION_KEY)
    ).first()
    if device is None:
        TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=request.user, name=APP_DEVICE_NAME, confirmed=False)
        request.session[ENROL_SESSION_KEY] = device.pk
    return device


def enrol(request):
    """Set up an authenticator app: scan the QR code, confirm with its first code and the password."""
    if has_second_factor(request.user):
        if not request.user.is_verified():
            return redirect(f"{reverse('staff_security_verify')}?{urlencode({'next': next_url(request)})}")
        return step_response(request, "enrolled.html")
    device = pending_device(request)
    form = EnrolForm(request.POST or None)
    if form.is_valid():
        if not request.user.check_password(form.cleaned_data["password"]):
            form.add_error("password", "That is not your password.")
        elif not device.verify_token("".join(form.cleaned_data["code"].split())):
            form.add_error("code", "That code is not right. Check the time on your phone, and try the next code.")
        else:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            del request.session[ENROL_SESSION_KEY]
            otp_login(request, device)
            logger.info("Second factor set up by user %s (id %s)", request.user, request.user.pk)
            return step_response(request, "recovery_codes.html", codes=new_recovery_codes(request.user))
    # Drawn large enough for a phone camera; its title names it for screen readers.
    qr_code = segno.make(device.config_url).svg_inline(scale=5, title="QR code to add to your authenticator app")
    return step_response(
        request,
        "enrol.html",
        form=form,
        # SVG that segno drew from the device's own otpauth:// address: no user input in it.
        qr_code=mark_safe(qr_code),  # noqa: S308
        secret=b32encode(device.bin_key).decode(),
        required=is_required(request.user),
    )


def recovery_codes(request):
    """How many recovery codes are left, and a button for a new set (the old ones stop working)."""
    if not has_second_factor(request.user):
        return redirect("staff_security_enrol")
    if request.method == "POST":
        logger.info("New recovery codes for user %s (id %s)", request.user, request.user.pk)
        return step_response(request, "recovery_codes.html", codes=new_recovery_codes(request.user))
    device = request.user.staticdevice_set.first()
    return step_response(request, "recovery_codes.html", remaining=device.token_set.count() if device else 0)


class ResetSecondFactorView(WagtailAdminTemplateMixin, TemplateView):
    """An administrator removes a user's app and recovery codes (a lost phone); the user sets up a new one."""

    template_name = "staff_security/reset.html"
    page_title = "Reset two-step verification"
    header_icon = "lock"

    def dispatch(self, request, user_id):
        if not request.user.has_perm("auth.change_user"):
            raise PermissionDenied
        self.user = get_object_or_404(get_user_model(), pk=user_id)
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.user.get_username()

    def get_context_data(self, **kwargs):
        return super().get_context_data(user=self.user, has_second_factor=has_second_factor(self.user), **kwargs)

    def post(self, request):
        remove_second_factor(self.user, by=request.user)
        messages.success(request, f"Two-step verification of {self.user.get_username()} has been reset.")
        return redirect("wagtailusers_users:index")


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    """User names and addresses locked out after too many failed logins, each with an "Unlock" button."""

    template_name = "staff_security/lockouts.html"
    page_title = "Login lockouts"
    header_icon = "lock"

    def dispatch(self, request):
        if not request.user.has_perm("axes.view_accessattempt"):
            raise PermissionDenied
        return super().dispatch(request)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            lockouts=lockouts.current_lockouts(),
            can_unlock=self.request.user.has_perm("axes.delete_accessattempt"),
            **kwargs,
        )

    def post(self, request):
        if not request.user.has_perm("axes.delete_accessattempt"):
            raise PermissionDenied
        kind, value = request.POST.get("kind", ""), request.POST.get("value", "")
        if kind not in lockouts.KINDS or not value:
            messages.error(request, "Choose a lockout to lift.")
        else:
            lockouts.unlock(kind, value)
            logger.warning(
                "Login lockout of %s %s lifted by %s (id %s)", kind, value, request.user, request.user.pk
            )
            messages.success(request, f"{lockouts.KINDS[kind]} {value} may log in again.")
        return redirect("staff_security_lockouts")
