"""Test runs: fast hashing, in-memory cache and mail, tasks run immediately."""

import os

from .base import *
from .base import task_settings

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING["handlers"]["mail_admins"]["email_backend"] = EMAIL_DELIVERY_BACKEND
# Tasks run inside the test, so it sees their effects; tests of the worker switch to the database backend
# (and start their worker with DJANGO_TASK_BACKEND=database).
TASKS = task_settings(os.environ.get("DJANGO_TASK_BACKEND", "immediate"))
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
MEDIA_ROOT = BASE_DIR / "media" / "test"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests log in with Client.login(), which django-axes refuses (it has no request), and most do not want a second
# factor; tests/staff_security turns each on with override_settings.
AXES_ENABLED = False
STAFF_2FA_REQUIRED = False

# Tests that change content without publishing would otherwise see stored pages; tests/delivery/
# test_page_cache.py switches it on.
PAGE_CACHE_SECONDS = 0

# Lets parallel runs against one PostgreSQL server use separate test databases.
if os.environ.get("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}

# Serve static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Each test builds the page tree it needs (tests/conftest.py); tests/portability/test_site_skeleton.py
# turns this on.
SITE_SKELETON_ON_MIGRATE = False

# Test output shows warnings and errors, not every page created or task run.
LOGGING["root"]["level"] = "WARNING"
