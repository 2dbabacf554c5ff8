"""Two-step verification through the real admin: setting up an app, logging in with its codes or a recovery
code, refusing wrong codes, sending required staff to set it up, and leaving everyone else alone."""

import datetime
import re
import time
from unittest import mock

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home")]
required = override_settings(STAFF_2FA_REQUIRED=True)
DASHBOARD = "/admin/"
VERIFY = "/admin/2fa/verify/"
ENROL = "/admin/2fa/enrol/"


def code_for(device, at=None):
    """The code the user's app shows now, or at the Unix time ``at``."""
    app = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if at is not None:
        app.time = at
    return f"{app.token():06d}"


def log_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": "password", "next": DASHBOARD})
    assert response.status_code == 302, response.content
    return client.get(DASHBOARD)


def enrol(client):
    """Set up an app as a user would: read the key off the page, type a code; the recovery codes shown."""
    page = client.get(ENROL)
    assert page.status_code == 200
    assert "<title>QR code to add to your authenticator app</title>" in page.content.decode()
    device = TOTPDevice.objects.get(confirmed=False)
    assert re.search(r"<code[^>]*>[A-Z2-7=]{32,}</code>", page.content.decode())
    code = code_for(device)
    # Typed as the app shows it, in two groups of three.
    response = client.post(ENROL, {"code": f"{code[:3]} {code[3:]}", "password": "password", "next": DASHBOARD})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    return TOTPDevice.objects.get(confirmed=True), codes


@pytest.fixture
def reviewer(db):
    return UserFactory(username="rhea", groups=["Clinical reviewers"])


@pytest.fixture
def editor(db):
    return UserFactory(username="edna", groups=["Clinical editors"])


@required
def test_a_required_reviewer_without_an_app_is_sent_to_set_one_up_and_cannot_reach_the_dashboard(client, reviewer):
    response = log_in(client, "rhea")
    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next=%2Fadmin%2F"
    for path in (DASHBOARD, "/admin/pages/", "/django-admin/", reverse("staff_security_recovery_codes")):
        assert client.get(path)["Location"].startswith(ENROL)
    page = client.get(ENROL)
    assert "Your role needs two-step verification" in page.content.decode()
    # Public pages do not care, and stay as they were.
    assert client.get("/").status_code == 200


@required
def test_setting_up_the_app_then_logging_in_with_a_code(client, reviewer):
    log_in(client, "rhea")
    # Reloading the set-up page keeps the same secret, so a code scanned from the first one still works.
    client.get(ENROL)
    device, codes = enrol(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get(DASHBOARD).status_code == 200

    client.post(reverse("wagtailadmin_logout"))
    response = log_in(client, "rhea")
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    assert client.get(DASHBOARD)["Location"].startswith(VERIFY)
    # The code of the next 30-second step: the one used to set up the app cannot be replayed.
    later = time.time() + 30
    with mock.patch("time.time", return_value=later):
        response = client.post(VERIFY, {"code": code_for(device, at=later), "next": DASHBOARD})
    assert response.status_code == 302 and response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


@required
def test_a_wrong_code_is_refused(client, reviewer):
    log_in(client, "rhea")
    device, codes = enrol(client)
    client.post(reverse("wagtailadmin_logout"))
    log_in(client, "rhea")

    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    assert "That code is not right" in client.post(VERIFY, {"code": wrong}).content.decode()
    for attempt in (wrong, "abcdefgh", "", "0" * 20):
        response = client.post(VERIFY, {"code": attempt, "next": DASHBOARD})
        assert response.status_code == 200
        assert client.get(DASHBOARD)["Location"].startswith(VERIFY)


@required
def test_a_recovery_code_works_once(client, reviewer):
    log_in(client, "rhea")
    __, codes = enrol(client)
    client.post(reverse("wagtailadmin_logout"))

    log_in(client, "rhea")
    assert client.post(VERIFY, {"code": codes[0].upper(), "next": DASHBOARD})["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200
    assert (
        "You have 9 unused recovery codes" in client.get(reverse("staff_security_recovery_codes")).content.decode()
    )
    client.post(reverse("wagtailadmin_logout"))

    log_in(client, "rhea")
    assert client.post(VERIFY, {"code": codes[0], "next": DASHBOARD}).status_code == 200
    assert client.get(DASHBOARD)["Location"].startswith(VERIFY)


@required
def test_new_recovery_codes_replace_the_old_ones(client, reviewer):
    log_in(client, "rhea")
    __, old = enrol(client)
    response = client.post(reverse("staff_security_recovery_codes"))
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(new) == 10
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
    client.post(reverse("wagtailadmin_logout"))
    log_in(client, "rhea")
    assert "That code is not right" in client.post(VERIFY, {"code": old[1]}).content.decode()
    # Straight after a wrong code even a right one waits: wrong codes cannot be tried one after another.
    assert "Too many wrong codes" in client.post(VERIFY, {"code": new[1]}).content.decode()
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(seconds=2)):
        assert client.post(VERIFY, {"code": new[1]}).status_code == 302


@required
def test_setting_up_needs_the_password_and_a_right_code(client, reviewer):
    log_in(client, "rhea")
    client.get(ENROL)
    device = TOTPDevice.objects.get()
    wrong_password = client.post(ENROL, {"code": code_for(device), "password": "nope"})
    assert "That is not your password." in wrong_password.content.decode()
    wrong_code = client.post(
        ENROL, {"code": "000000" if code_for(device) != "000000" else "111111", "password": "password"}
    )
    assert "That code is not right" in wrong_code.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get(DASHBOARD)["Location"].startswith(ENROL)


@required
def test_a_password_alone_cannot_set_up_a_second_app_for_someone_who_has_one(client, reviewer):
    log_in(client, "rhea")
    enrol(client)
    client.post(reverse("wagtailadmin_logout"))
    log_in(client, "rhea")
    assert client.get(ENROL)["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.count() == 1


@required
def test_an_editor_who_is_not_required_is_not_bothered_but_may_opt_in(client, editor):
    assert log_in(client, "edna").status_code == 200
    assert "Two-step verification" in client.get(reverse("wagtailadmin_account")).content.decode()
    enrol(client)
    client.post(reverse("wagtailadmin_logout"))
    assert log_in(client, "edna")["Location"].startswith(VERIFY)


def test_with_the_requirement_off_reviewers_log_straight_in(client, reviewer):
    assert log_in(client, "rhea").status_code == 200


@required
def test_superusers_are_required_too_and_the_django_admin_is_guarded(client):
    UserFactory(username="root", is_superuser=True, is_staff=True)
    log_in(client, "root")
    assert client.get("/django-admin/")["Location"].startswith(ENROL)


@required
def test_an_administrator_resets_a_lost_device(client, reviewer):
    log_in(client, "rhea")
    enrol(client)
    client.post(reverse("wagtailadmin_logout"))

    administrator = UserFactory(username="ada", groups=["Content administrators"])
    client.force_login(administrator)
    session = client.session
    session["otp_device_id"] = enrol_device_for(administrator).persistent_id
    session.save()
    reset_url = reverse("staff_security_reset", args=[reviewer.pk])
    assert f'href="{reset_url}"' in client.get(reverse("wagtailusers_users:index")).content.decode()
    assert "Reset two-step verification" in client.get(reset_url).content.decode()
    assert client.post(reset_url).status_code == 302
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert not StaticToken.objects.filter(device__user=reviewer).exists()

    client.post(reverse("wagtailadmin_logout"))
    assert log_in(client, "rhea")["Location"].startswith(ENROL)


def enrol_device_for(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


@required
def test_editors_cannot_reset_anyone(client, reviewer, editor):
    client.force_login(editor)
    enrol_device_for(reviewer)
    assert client.get(reverse("staff_security_reset", args=[reviewer.pk]))["Location"] == DASHBOARD
    assert client.post(reverse("staff_security_reset", args=[reviewer.pk]))["Location"] == DASHBOARD
    assert TOTPDevice.objects.filter(user=reviewer).exists()


@required
def test_public_pages_set_no_cookie_and_stay_cacheable_for_a_required_user(client, reviewer):
    response = client.get("/")
    assert response.status_code == 200
    assert not response.cookies
    assert "public" in response["Cache-Control"]
