"""``manage.py create_demo_logins``: creates or resets the demo admin users listed in ``home.demo_content.logins``.

The passwords are printed and, unless set in the environment, are a default anyone can read in the code. So
the command refuses to run when DEBUG is off (as in production) unless ``--force`` is given.
"""

import os

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from home.demo_content.logins import DEFAULT_DEMO_PASSWORD, DEMO_LOGINS, ensure_user


class Command(BaseCommand):
    help = "Create or reset the demo admin logins and print them. For local demos only."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. Never use this on a site the public can reach.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to create demo logins because DEBUG is off, which usually means a live site. "
                "Demo passwords are public. Use --force only on a private machine."
            )
        missing_groups = sorted({name for login in DEMO_LOGINS for name in login.groups} - group_names())
        if missing_groups:
            raise CommandError(
                f"These groups do not exist, so no logins were changed: {', '.join(missing_groups)}"
            )

        with transaction.atomic():
            logins = [(login, reset_user(login)) for login in DEMO_LOGINS]

        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
        self.stdout.write(
            self.style.WARNING("Demo logins, for local demo use only. Never use them on a live site.")
        )
        self.stdout.write(f"Admin: {admin_url}")
        for login, password in logins:
            self.stdout.write(f"  {login.role}\n    username: {login.username}\n    password: {password}")


def group_names():
    return set(Group.objects.values_list("name", flat=True))


def reset_user(login):
    """Create the user or bring it back to the demo state; return the password it now has."""
    password = os.environ.get(login.password_env) or DEFAULT_DEMO_PASSWORD
    user = ensure_user(login)
    user.set_password(password)
    user.save(update_fields=["password"])
    return password
