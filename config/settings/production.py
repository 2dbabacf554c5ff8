"""Production: every secret from the environment; refuses to start without a secret key."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .base import env_flag

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in the environment for production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must list the site's host names in production.")
if not PUBLIC_SITE_URL:
    raise ImproperlyConfigured(
        "PUBLIC_SITE_URL must be the site's public address (such as https://health.example) in production, "
        "so that links, the sitemap and e-mails point at it."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
# Load balancers and Varnish's probe ask over plain HTTP, behind the TLS terminator.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# Cookies only over HTTPS, unless the site is served over plain HTTP on loopback (`make serve`).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_flag("DJANGO_SECURE_COOKIES", True)
# HTTPS only, for a year, for this host and every host below it, and eligible for browsers' preload lists
# (sending the header submits nothing: see docs/security-headers.md before submitting the domain).
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Reviewers, administrators and superusers must use a second factor (docs/staff-accounts.md); login lockouts
# (AXES_ENABLED in base.py) are always on.
STAFF_2FA_REQUIRED = env_flag("STAFF_2FA_REQUIRED", True)
