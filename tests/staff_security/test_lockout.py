"""Login lockouts through Wagtail's real login view: 10 failures in a row lock a user name, or an address, for
15 minutes; content administrators see the lockout in the admin and can lift it."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import override_settings
from django.urls import reverse

from tests.factories import UserFactory

LOGIN = "/admin/login/"
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home")]
axes_on = override_settings(AXES_ENABLED=True)


def log_in(client, username, password, address="198.51.100.7", **extra):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def logged_in(client):
    return client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.fixture
def editor(db):
    return UserFactory(username="edna", groups=["Clinical editors"])


@pytest.fixture
def administrator(db):
    return UserFactory(username="ada", groups=["Content administrators"])


@axes_on
def test_ten_wrong_passwords_lock_the_account_even_against_the_right_one(client, editor):
    answers = [log_in(client, "edna", f"wrong{n}").status_code for n in range(10)]
    assert answers == [200] * 9 + [429]

    locked = log_in(client, "edna", "password")
    assert locked.status_code == 429
    assert b"Too many failed logins" in locked.content
    assert b"15 minutes" in locked.content
    assert not logged_in(client)
    # From another address too: the lockout is of the account.
    assert log_in(client, "edna", "password", address="203.0.113.50").status_code == 429


@axes_on
def test_the_lockout_ends_after_15_minutes(client, editor):
    for n in range(10):
        log_in(client, "edna", f"wrong{n}")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - datetime.timedelta(minutes=14)
    )
    assert log_in(client, "edna", "password").status_code == 429

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - datetime.timedelta(minutes=16)
    )
    assert log_in(client, "edna", "password").status_code == 302
    assert logged_in(client)


@axes_on
def test_a_success_resets_the_count_so_only_failures_in_a_row_lock(client, editor):
    for n in range(9):
        log_in(client, "edna", f"wrong{n}")
    assert log_in(client, "edna", "password").status_code == 302
    client.post(reverse("wagtailadmin_logout"))
    for n in range(9):
        assert log_in(client, "edna", f"again{n}").status_code == 200
    assert log_in(client, "edna", "password").status_code == 302


@axes_on
def test_ten_failures_from_one_address_lock_that_address_for_every_account(client, editor):
    answers = [log_in(client, f"guess{n}", "password").status_code for n in range(10)]
    assert answers == [200] * 9 + [429]
    assert log_in(client, "edna", "password").status_code == 429
    assert log_in(client, "edna", "password", address="203.0.113.50").status_code == 302


@axes_on
@override_settings(TRUSTED_PROXIES=["10.0.0.2"])
def test_behind_the_proxy_the_address_is_the_one_the_proxy_added_not_one_the_client_sent(client, editor):
    proxy = "10.0.0.2"
    for n in range(10):
        # The attacker sends a different made-up address each time; the proxy appends the real one.
        log_in(client, f"guess{n}", "x", address=proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.99")
    assert (
        log_in(client, "edna", "password", address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.99").status_code == 429
    )
    # Another reader behind the same proxy is not locked out.
    assert (
        log_in(client, "edna", "password", address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.5").status_code == 302
    )
    # A value that is no address at all is not stored as one, and is no error.
    assert log_in(client, "nobody", "x", address=proxy, HTTP_X_FORWARDED_FOR="not-an-address").status_code == 200


@axes_on
@override_settings(TRUSTED_PROXIES=["10.0.0.2"])
def test_a_client_reaching_the_site_directly_is_locked_out_by_its_own_address_whatever_it_forwards(client, editor):
    for n in range(10):
        log_in(client, f"guess{n}", "x", address="198.51.100.99", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert (
        log_in(client, "edna", "password", address="198.51.100.99", HTTP_X_FORWARDED_FOR="192.0.2.200").status_code
        == 429
    )
    # The made-up addresses it sent are not locked out: nobody else pays for its guesses.
    assert (
        log_in(client, "edna", "password", address="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 302
    )


@axes_on
def test_administrators_see_lockouts_and_lift_them(client, editor, administrator):
    for n in range(10):
        log_in(client, "edna", f"wrong{n}", address="198.51.100.7")

    client.force_login(administrator)
    page = client.get(reverse("staff_security_lockouts"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "User name <strong>edna</strong>" in html
    assert "Address <strong>198.51.100.7</strong>" in html
    assert html.count(">Unlock</button>") == 2
    assert "Login lockouts" in client.get(reverse("wagtailadmin_home")).content.decode()

    response = client.post(reverse("staff_security_lockouts"), {"kind": "username", "value": "edna"})
    assert response.status_code == 302
    assert "<strong>edna</strong>" not in client.get(reverse("staff_security_lockouts")).content.decode()
    client.post(reverse("staff_security_lockouts"), {"kind": "ip_address", "value": "198.51.100.7"})
    assert (
        "No user name or address is locked out." in client.get(reverse("staff_security_lockouts")).content.decode()
    )

    client.logout()
    assert log_in(client, "edna", "password").status_code == 302
    assert logged_in(client)


@axes_on
def test_an_unlock_request_that_names_nothing_changes_nothing(client, editor, administrator):
    for n in range(10):
        log_in(client, "edna", f"wrong{n}")
    client.force_login(administrator)
    response = client.post(
        reverse("staff_security_lockouts"), {"kind": "everything", "value": "edna"}, follow=True
    )
    assert "Choose a lockout to lift." in response.content.decode()
    assert AccessAttempt.objects.count() == 1


@axes_on
def test_editors_cannot_see_or_lift_lockouts(client, editor):
    for n in range(10):
        log_in(client, "someone", f"wrong{n}")
    client.force_login(editor)
    # Wagtail answers a missing permission by sending the user back to the dashboard.
    assert client.get(reverse("staff_security_lockouts"))["Location"] == "/admin/"
    assert client.post(reverse("staff_security_lockouts"), {"kind": "username", "value": "someone"})[
        "Location"
    ] == ("/admin/")
    assert AccessAttempt.objects.filter(username="someone").exists()
    assert "Login lockouts" not in client.get(reverse("wagtailadmin_home")).content.decode()
