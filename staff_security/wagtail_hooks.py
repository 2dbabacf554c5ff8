"""Admin wiring: the second-factor steps, the lockout list in Settings, a link in each account's "More actions",
and a "Reset two-step verification" button in the user list for administrators."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import views


@hooks.register("register_admin_urls")
def register_staff_security_urls():
    return [
        path("2fa/verify/", views.verify, name="staff_security_verify"),
        path("2fa/enrol/", views.enrol, name="staff_security_enrol"),
        path("2fa/recovery-codes/", views.recovery_codes, name="staff_security_recovery_codes"),
        path("2fa/reset/<int:user_id>/", views.ResetSecondFactorView.as_view(), name="staff_security_reset"),
        path("lockouts/", views.LockoutsView.as_view(), name="staff_security_lockouts"),
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("axes.view_accessattempt")


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        "Login lockouts", reverse("staff_security_lockouts"), name="login-lockouts", icon_name="lock", order=610
    )


@hooks.register("register_account_menu_item")
def register_second_factor_account_item(request):
    return {
        "url": reverse("staff_security_enrol"),
        "label": "Two-step verification",
        "help_text": "Set up an authenticator app, or make new recovery codes.",
    }


@hooks.register("register_user_listing_buttons")
def register_reset_second_factor_button(user, request_user):
    if request_user.has_perm("auth.change_user"):
        yield Button(
            "Reset two-step verification",
            reverse("staff_security_reset", args=[user.pk]),
            icon_name="lock",
            priority=90,
        )
