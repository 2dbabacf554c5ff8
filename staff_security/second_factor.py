"""Who must use a second factor, and the devices that give one.

Each staff member has at most one authenticator app (a confirmed ``TOTPDevice``) and one set of recovery codes
(a ``StaticDevice`` with single-use ``StaticToken``s). django-otp checks the codes: replay protection, clock
drift and growing delays after wrong codes.
"""

import logging

from django.conf import settings
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def is_required(user):
    """True when STAFF_2FA_REQUIRED is on and the user is a superuser or in one of STAFF_2FA_REQUIRED_GROUPS."""
    if not settings.STAFF_2FA_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=settings.STAFF_2FA_REQUIRED_GROUPS).exists()


def has_second_factor(user):
    return user_has_device(user, confirmed=True)


def device_for_code(user, code):
    """The confirmed device a code is meant for: six digits come from the app, anything else is a recovery code."""
    code = "".join(code.split()).lower()
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    return next((device for device in devices_for_user(user) if isinstance(device, model)), None), code


def new_recovery_codes(user):
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT new ones, and return them (shown once)."""
    device, __ = StaticDevice.objects.get_or_create(user=user, defaults={"name": RECOVERY_DEVICE_NAME})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for __ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def remove_second_factor(user, by):
    """Delete every device of the user (a lost phone), so they set up a new one at their next login."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    logger.warning("Second factor of user %s (id %s) reset by %s (id %s)", user, user.pk, by, by.pk)
