"""`manage.py check --deploy` is clean under the production environment docs/deploy.md documents, and under
`make serve`'s plain-HTTP .env it lists only what plain HTTP on loopback must turn off."""

import os
import re
import subprocess
import sys

from tests.test_settings import ENV_PREFIXES, PROJECT_DIR

PRODUCTION = {
    "DJANGO_SECRET_KEY": "a-production-secret-key-of-fifty-or-more-characters-with-variety-0123456789",
    "DJANGO_ALLOWED_HOSTS": "health.example",
    "PUBLIC_SITE_URL": "https://health.example",
}
# What deploy/serve writes into .env besides the three above.
MAKE_SERVE = {
    **PRODUCTION,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "PUBLIC_SITE_URL": "http://127.0.0.1:8080",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_SECURE_COOKIES": "false",
    "DJANGO_HSTS_SECONDS": "0",
}


def check_deploy(**env):
    """The ids of the warnings `check --deploy` reports with production settings and ``env``."""
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIXES)}
    clean_env.update(env, DJANGO_SETTINGS_MODULE="config.settings.production", DJANGO_ENV_FILE="")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "ERROR"],
        cwd=PROJECT_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return sorted(set(re.findall(r"\((\w+\.[WE]\d+)\)", result.stdout + result.stderr)))


def test_the_documented_production_environment_passes_check_deploy_with_no_warnings():
    assert check_deploy(**PRODUCTION) == []


def test_hsts_is_configurable_and_check_deploy_says_what_turning_it_down_costs():
    assert check_deploy(**PRODUCTION, DJANGO_HSTS_INCLUDE_SUBDOMAINS="false", DJANGO_HSTS_PRELOAD="false") == [
        "security.W005",
        "security.W021",
    ]


def test_make_serve_warns_only_about_what_plain_http_on_loopback_turns_off():
    # No HSTS, no redirect to HTTPS, cookies without the Secure flag: right for http://127.0.0.1, not a site.
    assert check_deploy(**MAKE_SERVE) == ["security.W004", "security.W008", "security.W012", "security.W016"]
