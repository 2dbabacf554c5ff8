"""Staff who have a second factor confirm it after their password before they can use the admin.

Only /admin/ and /django-admin/ are guarded, so public pages never read the session and stay cacheable. A
logged-in user whose session is not yet verified with a code is sent to the verification step if they have a
device, or, when a second factor is required of them (staff_security.second_factor.is_required), to set one
up. Logging out, and the pages these steps need, stay open.
"""

from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from .second_factor import has_second_factor, is_required

GUARDED_PREFIXES = ("/admin/", "/django-admin/")
OPEN_VIEWS = {
    "staff_security_verify",
    "staff_security_enrol",
    "wagtailadmin_logout",
    "wagtailadmin_login",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "admin:logout",
}


def is_open(path):
    try:
        return resolve(path).view_name in OPEN_VIEWS
    except Resolver404:
        return False


class RequireSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.redirect_for(request) or self.get_response(request)

    def redirect_for(self, request):
        if not request.path_info.startswith(GUARDED_PREFIXES):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified() or is_open(request.path_info):
            return None
        if has_second_factor(user):
            step = "staff_security_verify"
        elif is_required(user):
            step = "staff_security_enrol"
        else:
            return None
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
