"""The demo people: ``load_demo_content`` creates them (without passwords) so they can own and review
pages; ``manage.py create_demo_logins`` gives them their demo passwords and prints them, for local use only.

Adding a demo user means adding a ``DemoLogin`` to ``DEMO_LOGINS``. Groups are looked up by name and must
already exist (the review app's migrations create the clinical groups).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

# Known to everyone who reads this file, which is why the command refuses to run without DEBUG.
DEFAULT_DEMO_PASSWORD = "health-words-demo"  # noqa: S105


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    password_env: str
    is_superuser: bool = False
    groups: tuple[str, ...] = ()
    first_name: str = ""
    last_name: str = ""

    @property
    def email(self):
        return f"{self.username}@healthwords.example"


DEMO_LOGINS = [
    DemoLogin(
        username="admin",
        role="Administrator: can do everything in the admin",
        password_env="DEMO_ADMIN_PASSWORD",  # noqa: S106 (the name of a variable)
        is_superuser=True,
        first_name="Demo",
        last_name="Administrator",
    ),
    DemoLogin(
        username="editor",
        role="Clinical editor: writes and submits pages for review",
        password_env="DEMO_EDITOR_PASSWORD",  # noqa: S106 (the name of a variable)
        groups=("Clinical editors",),
        first_name="Elin",
        last_name="Davies",
    ),
    DemoLogin(
        username="reviewer",
        role="Clinical reviewer: Dr Amara Okafor, signs off pages",
        password_env="DEMO_REVIEWER_PASSWORD",  # noqa: S106 (the name of a variable)
        groups=("Clinical reviewers",),
        first_name="Amara",
        last_name="Okafor",
    ),
    DemoLogin(
        username="reviewer2",
        role="Clinical reviewer: Dr Sam Rahman, the second pair of eyes",
        password_env="DEMO_REVIEWER2_PASSWORD",  # noqa: S106 (the name of a variable)
        groups=("Clinical reviewers",),
        first_name="Sam",
        last_name="Rahman",
    ),
    DemoLogin(
        username="revisora",
        role="Clinical reviewer in Spanish and English: Dra. Lucía Fernández, signs off the Spanish pages",
        password_env="DEMO_REVISORA_PASSWORD",  # noqa: S106 (the name of a variable)
        groups=("Clinical reviewers",),
        first_name="Lucía",
        last_name="Fernández",
    ),
]


def ensure_user(login):
    """Create the demo user or bring its name, email, flags and groups back to the demo state.

    A new user gets no usable password; ``create_demo_logins`` sets the demo passwords.
    """
    user, created = get_user_model().objects.get_or_create(username=login.username)
    if created:
        user.set_unusable_password()
    user.email = login.email
    user.first_name = login.first_name
    user.last_name = login.last_name
    user.is_active = True
    user.is_staff = login.is_superuser
    user.is_superuser = login.is_superuser
    user.save()
    user.groups.set(Group.objects.filter(name__in=login.groups))
    return user
