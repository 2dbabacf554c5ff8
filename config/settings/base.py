"""Settings shared by every environment; values that differ per machine come from the environment."""

import datetime
import os
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty strings."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_flag(name, default):
    """An environment variable read as true or false (``default`` when unset)."""
    return os.environ.get(name, str(default)).lower() == "true"


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    "home",
    "health_content",
    "glossary",
    "articles",
    "search",
    "review",
    "feedback",
    "content_api",
    "portability",
    "delivery",
    "background",
    "staff_security",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "wagtail.api.v2",
    "rest_framework",
    "corsheaders",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    # After wagtail.images and wagtail.documents, whose permission policies it replaces.
    "media_governance",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "log_request_id.middleware.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The language from the address: /es/… Spanish, anything else English (delivery/languages.py).
    "delivery.languages.URLLanguageMiddleware",
    # Content-Security-Policy and Permissions-Policy on every response, those from the page cache too
    # (delivery/content_security.py, docs/security-headers.md).
    "delivery.content_security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Public pages served from Django's cache before anything below runs (delivery/page_cache.py).
    "delivery.page_cache.PageCacheMiddleware",
    # Compressed HTML and JSON, with an ETag for the content and 304 answers to conditional requests.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Which content a cacheable response shows, for purging (delivery/cache_tags.py).
    "delivery.cache_tags.CacheTagsMiddleware",
    # What browsers and shared caches may keep (delivery/cache_policy.py).
    "delivery.cache_policy.CachePolicyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # A NUL character anywhere in the request is a 400, before anything looks it up (delivery/null_bytes.py).
    "delivery.null_bytes.RejectNullBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff who use a second factor confirm it before they reach /admin/ or /django-admin/ (staff_security).
    "django_otp.middleware.OTPMiddleware",
    "staff_security.middleware.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Answers a locked-out login with the lockout page (429); it only wraps the response, so it may sit here.
    "axes.middleware.AxesMiddleware",
    # A page view's Wagtail Site from each process's memory, not a query (delivery/site_lookup.py).
    "delivery.site_lookup.SiteLookupMiddleware",
    # Last: a request that changes something commits all of it or nothing (delivery/atomic_writes.py).
    "delivery.atomic_writes.AtomicWritesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite file inside the project unless DATABASE_URL names another database (e.g. PostgreSQL).
# Connections are kept between requests (opening one costs PostgreSQL 40 % of its throughput) and checked
# before reuse, so after a database restart each process reconnects by itself.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # An editor, autosave and a reviewer write at once: readers never wait for a writer (write-ahead log),
    # each write transaction takes the write lock when it begins (a transaction that read first and then
    # asked for the lock would fail at once with "database is locked" instead of waiting), and a writer
    # waits up to 20 seconds for the one before it. docs/deploy.md has more.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
if DATABASE_IS_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared caches (Varnish, a CDN) keep public pages this long, and serve a copy up to a day old while the
# site behind them fails (delivery/cache_policy.py).
CACHE_SHARED_MAX_AGE = int(os.environ.get("CACHE_SHARED_MAX_AGE", "300"))
CACHE_STALE_IF_ERROR = int(os.environ.get("CACHE_STALE_IF_ERROR", str(24 * 60 * 60)))
# How long Django's cache keeps a whole public page (0: not at all). A change to any page, restriction or
# the glossary retires every stored page in every process within a second (delivery/page_cache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

# Varnish in front (deploy/varnish/default.vcl): publishing purges what it changed (delivery/purge.py).
# Without VARNISH_PURGE_URL (e.g. http://127.0.0.1:8080) nothing is purged.
VARNISH_PURGE_URL = os.environ.get("VARNISH_PURGE_URL", "")
if VARNISH_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "delivery.purge.VarnishBackend", "LOCATION": VARNISH_PURGE_URL},
    }

# Redis is optional: without REDIS_URL each process keeps its own in-memory cache. A Redis outage is a
# cache miss, never an error page: django-redis ignores connection errors (giving up after half a second)
# and logs each one.
REDIS_URL = os.environ.get("REDIS_URL", "")
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "healthwords.cache"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "healthcms",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff accounts (docs/staff-accounts.md). django-axes counts failed logins in the database, so every process
# sees them: 10 failures in a row for one user name, or from one address, lock it for 15 minutes (a failure
# during the lockout starts the 15 minutes again). Its backend must come first, before Django's.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = True
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "staff_security/locked_out.html"
# The client's address as the feedback limit reads it: REMOTE_ADDR, or behind TRUSTED_PROXIES the address they saw.
AXES_CLIENT_IP_CALLABLE = "delivery.client_address.client_ip"
# Lockouts are listed, and lifted, in the Wagtail admin (Settings → Login lockouts), not the Django admin.
AXES_ENABLE_ADMIN = False
# A second factor (time-based one-time codes from an authenticator app, with recovery codes). Anyone may turn
# it on for themselves; with STAFF_2FA_REQUIRED (on in production) it is required of superusers and of members
# of STAFF_2FA_REQUIRED_GROUPS, who are sent to set it up before they can use the admin.
STAFF_2FA_REQUIRED = env_flag("STAFF_2FA_REQUIRED", False)
STAFF_2FA_REQUIRED_GROUPS = env_list("STAFF_2FA_REQUIRED_GROUPS", "Clinical reviewers,Content administrators")

# English (the default, with addresses as they always were) and Spanish (addresses under /es/). The language
# comes from the address alone (delivery/languages.py), never from the browser, so every address has one
# language and shared caches can keep it (docs/translation.md).
LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("es", "Español")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files served at the site's root by WhiteNoise: /favicon.ico, which browsers and crawlers ask for unprompted.
WHITENOISE_ROOT = BASE_DIR / "public"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"


def media_storage(environ):
    """Where uploaded images, their renditions and documents are kept: an S3-compatible bucket when
    ``AWS_STORAGE_BUCKET_NAME`` is set, which every app server shares; else ``MEDIA_ROOT`` on this machine."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        # The keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or from the machine's own role.
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Two uploads called photo.jpg both survive, as on a disk.
            "file_overwrite": False,
            # Image addresses stay the same from one page view to the next, so a page's HTML and ETag do too and
            # a shared cache never holds a signed link that has expired. The bucket's policy makes images
            # readable by anyone and documents by no one (docs/deploy.md).
            "querystring_auth": False,
            "default_acl": None,
        },
    }


STORAGES = {
    "default": media_storage(os.environ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Health Words"
# `migrate` adds the glossary A-Z and the article list under the home page when no page is below it yet
# (home/skeleton.py), so a new database is ready for import_content. Tests build their own trees.
SITE_SKELETON_ON_MIGRATE = True
# The name authenticator apps show beside a staff member's codes.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# The public address of the site, as readers reach it: canonical URLs, the sitemap and e-mails use it.
# `migrate` gives the default Wagtail Site this host name and port (delivery/site_address.py).
PUBLIC_SITE_URL = os.environ.get("PUBLIC_SITE_URL", "")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", PUBLIC_SITE_URL or "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = True
# A Spanish page exists only once someone translates its English page ("Translate" in the page's menu), from a
# signed-off revision, and goes through clinical review like any page; nothing creates Spanish drafts by itself.
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "english",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
# Documents always go through Wagtail's view, which checks a collection's privacy, never a link into storage.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Files that live pages show are locked for editors; only page review changes them (docs/images-and-documents.md).
WAGTAILIMAGES_IMAGE_FORM_BASE = "media_governance.forms.LiveImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media_governance.forms.LiveDocumentForm"

# Background work (search index updates, e-mail, auto-link rebuilds, purges, image focal points) runs in
# Wagtail's task framework. "database" stores each task in the database for `manage.py db_worker` processes
# on any machine to run after the request's transaction commits; "immediate" runs it inside the request,
# for a single process with no worker (docs/deploy.md, "Several app servers").
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def task_settings(name):
    """The ``TASKS`` setting for a backend named in ``TASK_BACKENDS``; any other name is a clear error."""
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(f"DJANGO_TASK_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {name!r}.")
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


TASKS = task_settings(os.environ.get("DJANGO_TASK_BACKEND", "database"))

# E-mail is sent by a task (background/mail.py), so a slow or failing mail server never holds up an editor's
# request and a save that rolls back sends nothing; the task hands each message to EMAIL_DELIVERY_BACKEND.
EMAIL_BACKEND = "background.mail.TaskEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "content-team@healthwords.example")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Who gets an e-mail for each server error: "Name <address>, Other <address>".
ADMINS = getaddresses(env_list("DJANGO_ADMINS"))
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Clinical review (review app): nothing is published without a second reviewer's sign-off of that revision.
CLINICAL_REVIEW_INTERVAL_MONTHS = 12
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "review.publishing.publish_approved_revision"
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Glossary imports (docs/importing.md, "Limits"): the largest file and run, in bytes, and the most text one
# term may hold, in characters. `import_terms --max-file-mb/--max-run-mb` raise the first two for one run.
GLOSSARY_IMPORT_MAX_FILE_BYTES = 5 * 1024 * 1024
GLOSSARY_IMPORT_MAX_RUN_BYTES = 20 * 1024 * 1024
GLOSSARY_IMPORT_MAX_TERM_CHARACTERS = 20_000
# Flesch-Kincaid grade that terms and articles should not exceed (grade 8 is a reading age of 13).
READABILITY_TARGET_GRADE = 8
# Spanish pages: the Szigriszt-Pazos score to reach (55 is "normal" on the INFLESZ scale; higher is easier).
READABILITY_TARGET_INFLESZ = 55
# How many "Was this page helpful? No" answers since a page's last clinical review flag it in "Reviews due".
FEEDBACK_FLAG_MIN_NO = 3
# The addresses or networks of our own reverse proxies (comma-separated, e.g. 127.0.0.1 or 10.0.0.0/8). Only a
# request from one of them has its X-Forwarded-For believed, for feedback limits and login lockouts alike
# (delivery/client_address.py). Empty: every request is counted by REMOTE_ADDR.
TRUSTED_PROXIES = [entry.strip() for entry in os.environ.get("TRUSTED_PROXIES", "").split(",") if entry.strip()]
if os.environ.get("FEEDBACK_CLIENT_ADDRESS_HEADER"):
    raise ImproperlyConfigured(
        "FEEDBACK_CLIENT_ADDRESS_HEADER is no longer read: set TRUSTED_PROXIES to your proxies' addresses instead."
    )
# Read API (docs/api.md): rich text as display HTML; any site may read /api/, nothing else.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# Security headers (docs/security-headers.md). Public pages load only this site's own scripts, styles, images
# and fonts, run no inline script or style, and may not be framed: one header fits every reader, so it stays
# right in Varnish and the page cache (no nonce). Uploaded images in object storage add their origin to
# img-src (delivery/content_security.py). DJANGO_CSP_REPORT_ONLY=true only reports what the policy would
# block, to DJANGO_CSP_REPORT_URI when set.
CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF],
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [NONE],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
if os.environ.get("DJANGO_CSP_REPORT_URI"):
    CSP_DIRECTIVES["report-uri"] = [os.environ["DJANGO_CSP_REPORT_URI"]]
if env_flag("DJANGO_CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY = None
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": CSP_DIRECTIVES}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": CSP_DIRECTIVES}
# What the Wagtail admin (/admin/) and Django admin (/django-admin/) need instead: both write inline scripts
# (Wagtail's inline panels and date pickers) and inline styles, show image previews from data: and blob:
# addresses, Wagtail frames its own page previews, and its dashboard asks releases.wagtail.org whether a
# newer Wagtail is out (WAGTAIL_ENABLE_UPDATE_CHECK).
CONTENT_SECURITY_POLICY_ADMIN = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "connect-src": [SELF, "https://releases.wagtail.org"],
    "frame-ancestors": [SELF],
}
# Browser features no page here uses, turned off for this site and anything it frames.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-create",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    )
}

# Staff email addresses are not sent to Gravatar: the admin shows its own default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Logging: one JSON line per event on stderr (tracebacks inside the line), each with the id of the request
# it belongs to. Behind a proxy that sets a request id, name its header in DJANGO_REQUEST_ID_HEADER (for
# example HTTP_X_REQUEST_ID) so the proxy's and the app's lines can be matched; otherwise one is made.
LOG_REQUEST_ID_HEADER = os.environ.get("DJANGO_REQUEST_ID_HEADER") or None
GENERATE_REQUEST_ID_IF_NOT_IN_HEADER = True
REQUEST_ID_RESPONSE_HEADER = "X-Request-ID"
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "log_request_id.filters.RequestIDFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id"]},
        # Sends nothing unless ADMINS is set (and never with DEBUG on).
        # Straight to the mail server, not through a task: the error may be that the database is down.
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "email_backend": EMAIL_DELIVERY_BACKEND,
        },
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stderr"], "level": LOG_LEVEL, "propagate": False},
        "django.request": {"handlers": ["stderr", "mail_admins"], "level": "WARNING", "propagate": False},
        # One line per background task run is noise; failures are still logged.
        "django_tasks": {"level": "WARNING"},
    },
}
