"""The demo admin logins that ``manage.py create_demo_logins`` creates or resets, for local use only.

Adding a demo user (for example an editor or a reviewer) means adding a ``DemoLogin`` to ``DEMO_LOGINS``.
Groups are looked up by name and must already exist.
"""

from dataclasses import dataclass

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
]
