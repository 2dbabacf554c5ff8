"""Settings come from the environment, and production refuses to start without its secrets."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent

SHOW_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
    "'name': str(settings.DATABASES['default']['NAME']), "
    "'cache': settings.CACHES['default']['BACKEND'], 'hosts': settings.ALLOWED_HOSTS, "
    "'debug': settings.DEBUG, 'apps': settings.INSTALLED_APPS, 'admins': settings.ADMINS, "
    "'conn_max_age': settings.DATABASES['default']['CONN_MAX_AGE'], "
    "'health_checks': settings.DATABASES['default']['CONN_HEALTH_CHECKS'], "
    "'email': [settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.SERVER_EMAIL], "
    "'admin_url': settings.WAGTAILADMIN_BASE_URL}))"
)


ENV_PREFIXES = (
    "DJANGO_",
    "DATABASE_URL",
    "REDIS_URL",
    "PUBLIC_SITE_URL",
    "WAGTAILADMIN_BASE_URL",
    "EMAIL_",
    "SERVER_EMAIL",
)


def run_settings(module, **env):
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIXES)}
    clean_env.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", SHOW_SETTINGS], cwd=PROJECT_DIR, env=clean_env, capture_output=True, text=True
    )


def test_defaults_are_sqlite_in_the_project_and_a_local_cache():
    result = run_settings("config.settings.dev")
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(PROJECT_DIR / "db.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    assert values["debug"] is True


def test_database_url_and_redis_url_switch_backends():
    result = run_settings(
        "config.settings.dev",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/healthwords",
        REDIS_URL="redis://127.0.0.1:6379/1",
        DJANGO_ALLOWED_HOSTS="health.example, www.health.example",
    )
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "healthwords"
    assert values["cache"] == "django_redis.cache.RedisCache"
    assert values["hosts"] == ["health.example", "www.health.example"]
    assert "django.contrib.postgres" in values["apps"]


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings("config.settings.production", DJANGO_ALLOWED_HOSTS="health.example")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x" * 50,
    "DJANGO_ALLOWED_HOSTS": "health.example",
    "PUBLIC_SITE_URL": "https://health.example",
}


def test_production_starts_with_its_settings():
    result = run_settings("config.settings.production", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is False
    assert values["admin_url"] == "https://health.example"
    assert (values["conn_max_age"], values["health_checks"]) == (600, True)


def test_production_refuses_to_start_without_its_public_address():
    env = {**PRODUCTION_ENV, "PUBLIC_SITE_URL": ""}
    result = run_settings("config.settings.production", **env)
    assert result.returncode != 0
    assert "PUBLIC_SITE_URL must be the site's public address" in result.stderr


def test_error_mail_and_smtp_come_from_the_environment():
    result = run_settings(
        "config.settings.production",
        **PRODUCTION_ENV,
        DJANGO_ADMINS="Ops Team <ops@health.example>, Lead <lead@health.example>",
        EMAIL_HOST="smtp.health.example",
        EMAIL_PORT="587",
        EMAIL_USE_TLS="true",
        SERVER_EMAIL="errors@health.example",
    )
    values = json.loads(result.stdout)
    assert values["admins"] == [["Ops Team", "ops@health.example"], ["Lead", "lead@health.example"]]
    assert values["email"] == ["smtp.health.example", 587, True, "errors@health.example"]
