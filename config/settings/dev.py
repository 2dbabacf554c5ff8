"""Local development: DEBUG on, mail printed to the console, an insecure key if none is given."""

import os

from .base import *
from .base import env_list, task_settings

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `make run` is one process with no task worker, so background work runs inside the request that asks for
# it. Set DJANGO_TASK_BACKEND=database and run `manage.py db_worker` beside it to work as production does.
TASKS = task_settings(os.environ.get("DJANGO_TASK_BACKEND", "immediate"))
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"

# Serve static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The console shows warnings, errors and runserver's request lines as plain text; DJANGO_LOG_LEVEL=INFO
# shows the rest.
LOGGING["root"]["level"] = os.environ.get("DJANGO_LOG_LEVEL", "WARNING")
LOGGING["handlers"]["stderr"]["formatter"] = "plain"
