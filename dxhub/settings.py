"""dxhub settings: one module, driven by environment variables that fail loudly on bad values."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent
TESTING = "pytest" in sys.modules


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    return [item.strip() for item in raw.split(",") if item.strip()] if raw else default


DEBUG = env_bool("DXHUB_DEBUG", False)
# The demo key is only acceptable on loopback; any deployment sets DXHUB_SECRET_KEY.
SECRET_KEY = os.environ.get("DXHUB_SECRET_KEY", "dxhub-demo-only-insecure-key-not-for-deployment")
ALLOWED_HOSTS = env_list("DXHUB_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DXHUB_CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "dxhub.core.errors.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Django's own widget templates, so the project may override one (the empty "---------" choice).
    "django.forms",
    "django_htmx",
    "django_filters",
    # ninja as an app serves Swagger UI from its own static files, so /api/docs works offline.
    "ninja",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "auditlog",
    "axes",
    "django_tasks_db",
    "dxhub.core",
    "dxhub.reference",
    "dxhub.accounts",
    "dxhub.hubs",
    "dxhub.companies",
    "dxhub.needs",
    "dxhub.imports",
    "dxhub.demo",
    "dxhub.matches",
    "dxhub.notifications",
    "dxhub.collab",
    "dxhub.programmes",
    "dxhub.events",
    "dxhub.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dxhub.urls"
WSGI_APPLICATION = "dxhub.wsgi.application"

# Widgets render through the project's templates too (dxhub/templates/django/forms/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
# A list filter left empty means every row: 전체, not a row of dashes.
FILTERS_EMPTY_CHOICE_LABEL = gettext_lazy("All")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "dxhub.core.context_processors.navigation",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    # Tests close connections after each request: a live-server thread holding one open would keep
    # PostgreSQL from dropping the test database at the end of the run.
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0 if TESTING else 60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("DXHUB_SQLITE_PATH", str(BASE_DIR / "dxhub.sqlite3")),
            # WAL and a busy timeout let gunicorn's threads and the task worker share the file.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_ADAPTER = "dxhub.accounts.adapter.AccountAdapter"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "login"
AXES_ENABLED = env_bool("DXHUB_AXES_ENABLED", not TESTING)

AUDITLOG_INCLUDE_ALL_MODELS = False

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", "한국어"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(os.environ.get("DXHUB_MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# The demo prints mail to the console; a deployment sets DXHUB_EMAIL_BACKEND to an SMTP backend.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get("DXHUB_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    }
}
DEFAULT_FROM_EMAIL = "dxhub <no-reply@dxhub.local>"
# Local hour (Asia/Seoul) from which `manage.py periodic` sends the daily notification digest.
DIGEST_HOUR = int(os.environ.get("DXHUB_DIGEST_HOUR", "8"))

TASKS = {
    "default": {
        "BACKEND": (
            "django.tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        ),
    }
}

PAGE_SIZE = 20

# The matching engine's snapshot directory (shared by every process on this host) and its embedder:
# "use-m3" (multilingual USE, fast) or "e5-small" (better, ~5x slower); tests use a model-free hashing one.
MATCHING_DIR = Path(os.environ.get("DXHUB_MATCHING_DIR", str(BASE_DIR / "var" / "matching")))
MATCHING_EMBEDDER = os.environ.get("DXHUB_MATCHING_EMBEDDER", "hashing-64" if TESTING else "use-m3")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DXHUB_LOG_LEVEL", "WARNING")},
}
