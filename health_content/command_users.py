"""The user a management command acts for (``--user NAME``), shared by the importers."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def user_named(username):
    """The active user called ``username``; a CommandError that names them when there is none."""
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"There is no active user called {username!r}. Nothing was imported.")
    return user
