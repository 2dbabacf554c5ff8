"""WSGI entry point for application servers."""

import os

from django.core.wsgi import get_wsgi_application

from config.env_file import load_env_file

load_env_file()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()
