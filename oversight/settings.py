"""Oversight settings, all from environment variables (see README "Configuration").

`OVERSIGHT_ENV` selects the profile: `development` (default: SQLite, debug, console email),
`test`, or `production` (refuses to start without SECRET_KEY and ALLOWED_HOSTS, secure
cookies, HSTS). `DATABASE_URL` selects the database (PostgreSQL in production and CI).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from oversight.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
NODE_MODULES = BASE_DIR / "node_modules"

OVERSIGHT_ENV = env_choice("OVERSIGHT_ENV", "development", ("development", "test", "production"))
PRODUCTION = OVERSIGHT_ENV == "production"

if PRODUCTION:
    SECRET_KEY = env_str("SECRET_KEY", required=True)
    if len(SECRET_KEY or "") < 50:
        raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters in production.")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", required=True)
    DEBUG = False
else:
    # Development key only: production refuses to start without its own.
    SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-0f9c1b7e4a2d8e6f3c5b9a1d7e2f4c6a8b0d")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
    DEBUG = env_bool("DEBUG", OVERSIGHT_ENV == "development")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "simple_history",
    "axes",
    "csp",
    "oversight",
    "plans",
    "intake",
    "governance",
    "reports",
    "scorecard",
    "api",
    "accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "oversight.middleware.PrivateResponsesMiddleware",
    "oversight.middleware.SignedOutFormMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must be last: it reads the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "oversight.urls"
WSGI_APPLICATION = "oversight.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "oversight" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oversight.context_processors.navigation",
            ],
        },
    },
]

try:
    DATABASES = {
        "default": dj_database_url.parse(
            env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}") or "",
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        )
    }
except ValueError as exc:  # dj-database-url raises ValueError for unknown schemes
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL Oversight understands: {exc}") from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A write transaction takes SQLite's write lock when it begins and waits up to 20 s for it:
    # two saves at once (a double click) then run one after the other. With the default
    # (deferred) mode the second fails at once with "database is locked" when it first writes.
    # WAL lets pages be read while a save is being written.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
    # Tests on SQLite use a file of their own (one per test process), not Django's shared-cache
    # memory database: there a background import thread writing while a request reads fails at
    # once with "database table is locked" instead of waiting its turn, as it does on a file.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"oversight-test-{os.getpid()}.sqlite3")
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, reading the signed-in user with fixed SQL (oversight/signin.py).
    "oversight.signin.ModelBackend",
]
# Django's database sessions, loaded with fixed SQL (oversight/signin.py).
SESSION_ENGINE = "oversight.signin"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
# The service is in British English only. Without the translation machinery every date, URL and
# label skips a per-call language lookup (about 2% of a page); en-gb formats still apply.
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    ("govuk", NODE_MODULES / "govuk-frontend" / "dist" / "govuk"),
    ("htmx", NODE_MODULES / "htmx.org" / "dist"),
]
# govuk-frontend's stylesheet asks for its fonts and images at /assets/..., so that folder
# is served at the site root by WhiteNoise (no CDN, nothing fetched from elsewhere).
WHITENOISE_ROOT = NODE_MODULES / "govuk-frontend" / "dist" / "govuk"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")) or "")
# Uploaded evidence is never served from MEDIA_URL: a view checks access first.
MEDIA_URL = "/media-not-served/"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "oversight@localhost")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# Document import limits (passed to the import library).
OVERSIGHT_IMPORT_MAX_BYTES = env_int("OVERSIGHT_IMPORT_MAX_BYTES", 20 * 1024 * 1024, minimum=1)
OVERSIGHT_IMPORT_MAX_UNCOMPRESSED = env_int("OVERSIGHT_IMPORT_MAX_UNCOMPRESSED", 100 * 1024 * 1024, minimum=1)
# Unconfirmed imports (and the document bytes they hold) are deleted after this many days.
OVERSIGHT_IMPORT_KEEP_DAYS = env_int("OVERSIGHT_IMPORT_KEEP_DAYS", 7, minimum=1)
# Reading one document stops after this many seconds (in a process of its own: intake/read_worker.py).
OVERSIGHT_IMPORT_SECONDS = env_int("OVERSIGHT_IMPORT_SECONDS", 120, minimum=1)
OVERSIGHT_EVIDENCE_MAX_BYTES = env_int("OVERSIGHT_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Board report PDFs: a report of at least OVERSIGHT_PDF_PARALLEL_FROM characters of markup is
# printed in parts on this many processes at once (1 prints every report in the web process).
OVERSIGHT_PDF_WORKERS = env_int("OVERSIGHT_PDF_WORKERS", min(os.cpu_count() or 1, 4), minimum=1)
OVERSIGHT_PDF_PARALLEL_FROM = env_int("OVERSIGHT_PDF_PARALLEL_FROM", 80_000, minimum=1)

# Days without an update after which an action counts as stale, unless a plan says otherwise.
OVERSIGHT_STALE_DAYS = env_int("OVERSIGHT_STALE_DAYS", 42, minimum=1)
OVERSIGHT_DUE_SOON_DAYS = env_int("OVERSIGHT_DUE_SOON_DAYS", 30, minimum=1)

REST_FRAMEWORK = {
    # Token first: DRF answers a failed sign-in with the first class's challenge, so a missing,
    # wrong or revoked token gets 401 with `WWW-Authenticate: Token` (a program knows to sign in
    # again) rather than the 403 session authentication gives, which reads as "not allowed".
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # DRF's own, with a body nested too deeply refused as a bad request (api/parsers.py)
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # a ?format= no renderer has is 406 naming the formats, not DRF's bare 404 (api/negotiation.py)
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.FormatNegotiation",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "api.paging.Pages",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Oversight API",
    "DESCRIPTION": "Plans, sections, actions and progress updates of a safeguarding partnership.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # What is sent and what is read differ (a progress update's status is never sent as null but
    # an imported one is read as null; read-only fields are not sent): one object each.
    "COMPONENT_SPLIT_REQUEST": True,
    # each operation's 400/401/403/404 answers (api/schema.py)
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.document_refusals",
    ],
}

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "oversight.lockout.locked_out"
# Behind a reverse proxy every request comes from the proxy's address: a lock keyed on it would
# lock a username out for everyone. PROXY_COUNT (the number of proxies in front of the app, which
# each add the address they were reached from to X-Forwarded-For) makes the lock key the
# browser's own address. 0 (the default) trusts no header, as a header anyone can send must not be.
PROXY_COUNT = env_int("PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "oversight.lockout.client_address"
AXES_RESET_ON_SUCCESS = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

CSRF_FAILURE_VIEW = "oversight.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=1)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [f"https://{h}" for h in ALLOWED_HOSTS])

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
