"""One settings module, driven by the environment, that fails closed.

Production is the default: DEBUG is off and SECRET_KEY must be set. `make run`
sets DEBUG=True for a local demo. See the README for every variable.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.getenv("NETCOMPANION_VAR_DIR", BASE_DIR / "var"))


def envbool(name: str, default: bool) -> bool:
    value = os.getenv(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.getenv(name)
    return [v.strip() for v in value.split(",") if v.strip()] if value else default


def envsecret(name: str) -> str | None:
    """Reads NAME, or the file named by NAME_FILE (Docker and Kubernetes secrets)."""
    if path := os.getenv(f"{name}_FILE"):
        try:
            return Path(path).read_text().strip()
        except OSError as e:
            raise ImproperlyConfigured(f"{name}_FILE: cannot read {path}: {e}") from e
    return os.getenv(name) or None


DEBUG = envbool("DEBUG", False)

SECRET_KEY = envsecret("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "insecure-development-key-" + "x" * 40

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "netcompanion.core",
    "netcompanion.accounts",
    "netcompanion.guide",
    "netcompanion.navigator",
    "netcompanion.diary",
    "netcompanion.medicines",
    "netcompanion.labs",
    "netcompanion.appointments",
    "netcompanion.careplan",
    "netcompanion.charts",
    "netcompanion.relatives",
    "netcompanion.exports",
    "netcompanion.documents",
    "netcompanion.reminders",
    "netcompanion.supportgroups",
    "netcompanion.stories",
    "netcompanion.netcancerday",
    "netcompanion.careteam",
    "netcompanion.alerts",
    "netcompanion.conversations",
    "netcompanion.audit",
    "netcompanion.clinicaltools",
    "netcompanion.webapp",
    "netcompanion.accounts.apps.OTPAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_countries",  # for its catalogues: country names in the reader's language ("Sverige")
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The reader's language: the switch's cookie, else the browser's Accept-Language (a signed-in person's saved
    # choice is applied after authentication).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "netcompanion.accounts.middleware.SavedLanguage",
    "netcompanion.webapp.middleware.ClearSiteDataOnSignOut",
    "netcompanion.core.middleware.PrivateResponses",
    "netcompanion.core.middleware.PlainTextInput",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "netcompanion.accounts.middleware.StaffIdleTimeout",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during sign-in into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "netcompanion.urls"
WSGI_APPLICATION = "netcompanion.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "netcompanion.core.context_processors.safety",
                "netcompanion.careteam.context_processors.workspace",
                "netcompanion.conversations.context_processors.unread",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.getenv("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out person is refused before their password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"  # core.views.start: a patient to Today, a relative to their page, staff to alerts
LOGOUT_REDIRECT_URL = "home"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# Languages a person can choose. A new one needs its catalogues (`make messages LANG=fi`) and guide pages.
LANGUAGES = [("en-gb", "English"), ("sv", "Svenska")]
# Each app and each Django-free engine keeps its words in its own locale/; all are listed, since the engines are
# not installed apps. netcompanion/locale holds the words of the project's top-level modules.
LOCALE_PATHS = sorted(path for path in (BASE_DIR / "netcompanion").glob("*/locale") if path.is_dir())
LOCALE_PATHS.insert(0, BASE_DIR / "netcompanion" / "locale")
TIME_ZONE = os.getenv("TIME_ZONE", "Europe/Stockholm")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

if os.getenv("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.getenv("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD") or ""
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "NET Companion <no-reply@localhost>")

# Security headers. Everything is on unless DEBUG; a reverse proxy that
# terminates TLS sets TRUST_X_FORWARDED_PROTO=true.
SECURE = not DEBUG
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", SECURE)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
# Staff and administrators are signed out after this many minutes without a request (accounts.middleware).
STAFF_IDLE_MINUTES = int(os.getenv("STAFF_IDLE_MINUTES", "30"))
SECURE_HSTS_SECONDS = int(os.getenv("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))) if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if envbool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every rendering step at INFO; only its warnings matter.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# Repeated failed sign-ins: after AXES_USERNAME_FAILURE_LIMIT failures for one username from one address, that
# pair is refused for AXES_COOLOFF_MINUTES; after AXES_ADDRESS_FAILURE_LIMIT failures from one address, whatever
# the usernames, every sign-in from it is (accounts.client_ip.failure_limit).
AXES_USERNAME_FAILURE_LIMIT = int(os.getenv("AXES_FAILURE_LIMIT", "5"))
AXES_ADDRESS_FAILURE_LIMIT = int(os.getenv("AXES_ADDRESS_FAILURE_LIMIT", "20"))
AXES_FAILURE_LIMIT = "netcompanion.accounts.client_ip.failure_limit"
AXES_COOLOFF_TIME = int(os.getenv("AXES_COOLOFF_MINUTES", "15")) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
TRUSTED_PROXY_COUNT = int(os.getenv("TRUSTED_PROXY_COUNT", "0"))
# The addresses (or networks) of those proxies: X-Forwarded-For is read only from a request that comes from one.
TRUSTED_PROXIES = [p.strip() for p in os.getenv("TRUSTED_PROXIES", "127.0.0.1,::1").split(",") if p.strip()]
AXES_CLIENT_IP_CALLABLE = "netcompanion.accounts.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"

# The name shown in a care-team member's authenticator app next to their codes.
OTP_TOTP_ISSUER = "NET Companion"
# Wrong second-factor codes pause the next try 1, 2, 4, ... seconds (accounts.two_factor.wait_seconds): at the
# address that typed them up to TWO_FACTOR_PAUSE_MAX_MINUTES, at any other address up to
# TWO_FACTOR_PAUSE_ELSEWHERE_MAX_MINUTES. That replaces django-otp's own pause, which doubles without limit.
TWO_FACTOR_PAUSE_MAX_MINUTES = float(os.getenv("TWO_FACTOR_PAUSE_MAX_MINUTES", "15"))
TWO_FACTOR_PAUSE_ELSEWHERE_MAX_MINUTES = float(os.getenv("TWO_FACTOR_PAUSE_ELSEWHERE_MAX_MINUTES", "5"))
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0

# New care-team alerts are announced to this address (no health data in the mail).
ALERT_EMAIL = os.getenv("ALERT_EMAIL", "")

# The address of the site, for links in e-mails sent outside a request (reminders).
SITE_URL = os.getenv("SITE_URL", "")

# Web push for reminders (reminders/push.py): the VAPID key pair (the private key as the PEM file `vapid --gen`
# writes, best through WEBPUSH_VAPID_PRIVATE_KEY_FILE; the public key as `vapid --applicationServerKey` prints it)
# and a mailto: or https: contact for the push services. Without them push is not offered and reminders go by
# e-mail only.
WEBPUSH_VAPID_PRIVATE_KEY = envsecret("WEBPUSH_VAPID_PRIVATE_KEY") or ""
WEBPUSH_VAPID_PUBLIC_KEY = os.getenv("WEBPUSH_VAPID_PUBLIC_KEY", "")
WEBPUSH_CONTACT = os.getenv("WEBPUSH_CONTACT", "")

# The care team's patient list marks a patient quiet after this many days without a diary entry (the nurse can
# choose another number on the page).
QUIET_DAYS = int(os.getenv("QUIET_DAYS", "7"))

# The emergency number shown on every patient-facing page until a person's own
# country is known. 112 works across the EU and on most mobile phones.
EMERGENCY_NUMBER = os.getenv("EMERGENCY_NUMBER", "112")

# How soon the care team should see an alert of each level: "1h" or "30m" round the clock, "0wd" by the end of
# the same working day, "2wd" by the end of the second working day after (alertrules/response.py). Working days
# and hours are the clinic's, in TIME_ZONE; ALERT_HOLIDAYS is "sweden" (its public holidays and closed eves) or
# "none", and ALERT_CLOSED_DAYS adds dates (2026-12-28,...). `manage.py check` refuses values it cannot read.
ALERT_TARGETS = {level: os.getenv(f"ALERT_TARGET_{level.upper()}", default)
                 for level, default in (("emergency", "1h"), ("urgent", "0wd"), ("soon", "2wd"))}
ALERT_WORKING_DAYS = os.getenv("ALERT_WORKING_DAYS", "mon-fri")
ALERT_WORKING_HOURS = os.getenv("ALERT_WORKING_HOURS", "08:00-16:00")
ALERT_HOLIDAYS = os.getenv("ALERT_HOLIDAYS", "sweden")
ALERT_CLOSED_DAYS = envlist("ALERT_CLOSED_DAYS", [])
# How soon the care team should reply to a patient's or a relative's message, in the same words and working time
# as the alert targets ("2wd": by the end of the second working day after). Past it the thread shows in the queue.
MESSAGE_REPLY_TARGET = os.getenv("MESSAGE_REPLY_TARGET", "2wd")
