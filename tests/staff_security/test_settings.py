"""Production turns on login lockouts and requires a second factor of reviewers and administrators."""

import json
import os
import subprocess
import sys

from tests.test_settings import ENV_PREFIXES, PRODUCTION_ENV, PROJECT_DIR

SHOW = (
    "import json, django; from django.conf import settings; django.setup(); print(json.dumps({"
    "'axes': settings.AXES_ENABLED, 'limit': settings.AXES_FAILURE_LIMIT, "
    "'cooloff': settings.AXES_COOLOFF_TIME.total_seconds(), 'backend': settings.AUTHENTICATION_BACKENDS[0], "
    "'required': settings.STAFF_2FA_REQUIRED, 'groups': settings.STAFF_2FA_REQUIRED_GROUPS}))"
)


def staff_settings(module, **env):
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith((*ENV_PREFIXES, "STAFF_2FA"))}
    clean_env.update(env, DJANGO_SETTINGS_MODULE=module)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SHOW], cwd=PROJECT_DIR, env=clean_env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_locks_out_after_ten_failures_for_15_minutes_and_requires_a_second_factor():
    values = staff_settings("config.settings.production", **PRODUCTION_ENV)
    assert values == {
        "axes": True,
        "limit": 10,
        "cooloff": 15 * 60,
        "backend": "axes.backends.AxesStandaloneBackend",
        "required": True,
        "groups": ["Clinical reviewers", "Content administrators"],
    }


def test_the_requirement_and_its_groups_come_from_the_environment():
    values = staff_settings(
        "config.settings.production", **PRODUCTION_ENV, STAFF_2FA_REQUIRED="false", STAFF_2FA_REQUIRED_GROUPS="A,B"
    )
    assert (values["axes"], values["required"], values["groups"]) == (True, False, ["A", "B"])
    assert staff_settings("config.settings.dev")["required"] is False
