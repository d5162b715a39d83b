"""Settings of the RA-ZON portal, read from the environment (see the README's table).

The defaults run on SQLite with the console mail backend; production sets DEBUG=0,
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL and the EMAIL_* variables.
"""

import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=""):
    """The variable's value; an empty value counts as unset."""
    return os.environ.get(name) or default


def envbool(name, default=False):
    value = env(name)
    if not value:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def envint(name, default):
    return int(env(name, str(default)))


def envlist(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


TESTING = "pytest" in sys.modules or sys.argv[1:2] == ["test"]
DEBUG = envbool("DEBUG")

# Build and schema commands sign nothing, so they run without the secret (a build step, or a
# bare `manage.py makemigrations --check`, need not know it); anything that serves does not.
OFFLINE_COMMANDS = {
    "makemigrations",
    "migrate",
    "showmigrations",
    "collectstatic",
    "compilemessages",
    "makemessages",
}
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY and not DEBUG and sys.argv[1:2] and sys.argv[1] in OFFLINE_COMMANDS:
    SECRET_KEY = secrets.token_urlsafe(50)  # thrown away with the process
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off the portal refuses to start without one: "
            "set SECRET_KEY to a long random string (for example the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`), "
            "or set DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-development-key-only-used-with-debug-on"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "accounts.apps.UsersAndRolesConfig",  # django.contrib.auth, named in Dutch
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",  # search fields and lookups; harmless on SQLite
    "django.forms",
    "django_filters",
    "django_htmx",
    "reversion",
    "django_otp",
    # django-otp's authenticator apps and django-axes, with Dutch names (accounts/apps.py).
    "accounts.apps.TwoFactorConfig",
    "accounts.apps.LoginProtectionConfig",
    # The project's apps in dependency order (tests/razon/test_layout.py checks it): the
    # building blocks, the content apps, then the apps that read them all.
    "razon",
    "alliances",
    "regions",
    "partnerships",
    "network",
    "events",
    "news",
    "routes",
    "conversations",
    "contact",
    "privacy",
    "portal",
    "accounts",
]

MIDDLEWARE = [
    # Outermost: one log line per request, with its request id (razon/observe.py).
    "razon.observe.RequestLogMiddleware",
    # A view that cannot reach the database answers 503 with a page that needs none.
    "razon.observe.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # What goes on the wire (razon/conditional.py): gzip of text responses, then 304s for a
    # matching If-None-Match, then Cache-Control, outside the middleware that set cookies.
    "razon.conditional.CompressionMiddleware",
    "razon.conditional.ConditionalGetMiddleware",
    "razon.conditional.CacheControlMiddleware",
    # A page in the page cache is answered here, before the sessions, language, CSRF,
    # authentication and messages middleware below, which it does not need
    # (razon/pagecache.py adds their headers and the CSRF cookie).
    # An address with empty parameters (a GET form sent without JavaScript) is redirected to
    # the one without them, before the page cache can store it (razon/middleware.py).
    "razon.middleware.EmptyParametersMiddleware",
    "razon.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "razon.middleware.LanguageCookieMiddleware",
    # request.htmx for every middleware below (the refusals answer htmx with a fragment).
    "django_htmx.middleware.HtmxMiddleware",
    # Before anything reads the address or the body: refuses control characters (400) and
    # bodies over RAZON_MAX_PUBLIC_BODY_SIZE outside the admin (413).
    "razon.middleware.ControlCharacterMiddleware",
    "razon.middleware.PublicBodySizeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "razon.redirects.SlugRedirectMiddleware",
    "razon.preview.PreviewMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "razon.middleware.HtmxVaryMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# The cache of public pages (razon/pagecache.py): on in production, off in development and
# tests (which turn it on where they test it).
RAZON_PAGE_CACHE = envbool("RAZON_PAGE_CACHE", not (DEBUG or TESTING))
# Gzip text responses in the app (razon/conditional.py); turn off behind a proxy that
# compresses them itself (deploy/'s nginx does).
RAZON_COMPRESS_RESPONSES = envbool("RAZON_COMPRESS_RESPONSES", True)
# How long a browser or CDN may keep an anonymous response that holds nothing personal
# (feeds, calendars, exports, the sitemap), in seconds.
RAZON_PUBLIC_MAX_AGE = envint("RAZON_PUBLIC_MAX_AGE", 60)

ROOT_URLCONF = "razon.urls"
WSGI_APPLICATION = "razon.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "razon.context_processors.site",
            ],
        },
    },
]

# Widgets render with the project's templates too (the rich text field's preview button).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Simultaneous writes wait for each other instead of failing with "database is locked":
    # a transaction takes the write lock when it begins (IMMEDIATE), a writer waits up to
    # 20 s for it, and readers never block the writer (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: PostgreSQL turns it on for any query its planner estimates as
    # costly, and a page's few-millisecond queries (the related posts, the facet counts)
    # then spend 50-100 ms compiling (README "Benchmark"; docs/decisions.md).
    DATABASES["default"]["OPTIONS"] = {"options": "-c jit=off"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches: Redis when REDIS_URL is set (shared between app servers), local memory otherwise.
# "default" holds the rate limits and small computed pieces; "pages" the page cache, which
# RAZON_PAGE_CACHE_URL may send to a Redis of its own with eviction (README "Production").
# Sessions (staff only) live in the database, out of reach of an outage or eviction.
REDIS_URL = env("REDIS_URL")
RAZON_PAGE_CACHE_URL = env("RAZON_PAGE_CACHE_URL", REDIS_URL)


def redis_for_test_worker(url):
    """Tests in parallel (pytest-xdist sets PYTEST_XDIST_WORKER=gw0, gw1, ...): every test
    empties its caches, so each worker gets a Redis database of its own, counting down from
    the one the URL names (db 15, 14, ...)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not (url and TESTING and worker.startswith("gw")):
        return url
    parts = urlsplit(url)
    db = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{(db - int(worker[2:])) % 16}"))


REDIS_URL = redis_for_test_worker(REDIS_URL)
RAZON_PAGE_CACHE_URL = redis_for_test_worker(RAZON_PAGE_CACHE_URL)


def redis_cache(url, prefix):
    return {
        "BACKEND": "razon.cache.RedisCache",  # Django's, reusing its clients, outage-tolerant
        "LOCATION": url,
        "KEY_PREFIX": f"{prefix}-test" if TESTING else prefix,
        # An unreachable Redis costs a request at most these seconds (then razon.cache
        # leaves it alone for a few seconds).
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }


def local_cache(name, max_entries=300):
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": name,
        "OPTIONS": {"MAX_ENTRIES": max_entries},
    }


CACHES = {
    "default": redis_cache(REDIS_URL, "razon") if REDIS_URL else local_cache("default"),
    "pages": redis_cache(RAZON_PAGE_CACHE_URL, "razon-pages")
    if RAZON_PAGE_CACHE_URL
    else local_cache("pages", 1000),
}

# Django's validators, with Dutch texts of our own (accounts/validators.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.validators.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "accounts.validators.CommonPasswordValidator"},
    {"NAME": "accounts.validators.NumericPasswordValidator"},
]

if TESTING:
    # Tests create and log in many users: a fast hasher (never used outside the tests).
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Logging in (README "Logging in and security"). django-axes counts failed logins per user
# name and address: after AXES_FAILURE_LIMIT failures that pair is locked out for the cool-off
# time, even with the right password. Its backend must come first: it refuses locked-out pairs.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("RAZON_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("RAZON_LOGIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # failures only: successful logins are not recorded
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout"
AXES_CLIENT_IP_CALLABLE = "razon.ratelimit.client_address"
AXES_VERBOSE = False
# The admin is the only login: it lands on the admin's start page when the login was not
# asked for by a page of this site (an unsafe or missing `next`).
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"
# Two-factor authentication (TOTP, django-otp): every staff member can set it up; with
# RAZON_REQUIRE_2FA on (production's default; off in development and tests), nobody gets into
# the admin, a preview or any other staff-only page without it.
RAZON_REQUIRE_2FA = envbool("RAZON_REQUIRE_2FA", not (DEBUG or TESTING))
OTP_TOTP_ISSUER = "RA-ZON"
# A forgotten password (accounts/password_reset.py): staff ask for a link by e-mail at
# /admin/wachtwoord-vergeten/. At most RAZON_PASSWORD_RESET_RATE_LIMIT requests per client
# and RAZON_PASSWORD_RESET_ADDRESS_LIMIT per e-mail address (and mails per account) per
# window; the link works for PASSWORD_RESET_TIMEOUT seconds after the mail went out.
RAZON_PASSWORD_RESET_RATE_LIMIT = envint("RAZON_PASSWORD_RESET_RATE_LIMIT", 5)
RAZON_PASSWORD_RESET_ADDRESS_LIMIT = envint("RAZON_PASSWORD_RESET_ADDRESS_LIMIT", 3)
RAZON_PASSWORD_RESET_RATE_WINDOW = envint("RAZON_PASSWORD_RESET_RATE_WINDOW", 3600)
PASSWORD_RESET_TIMEOUT = 3600
# Sessions (only staff log in) end after this many idle minutes and when the browser closes.
RAZON_SESSION_IDLE_MINUTES = envint("RAZON_SESSION_IDLE_MINUTES", 60)
SESSION_COOKIE_AGE = RAZON_SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Dutch first, English second; the language is switched by cookie (same URLs).
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dutch 14.30 and English 14:30 (razon/formats/), over Django's own formats.
FORMAT_MODULE_PATH = ["razon.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

# Static files: whitenoise, compressed with hashed names in production.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # The live server of the browser tests serves /static/ through the finders, where
        # hashed names do not exist: tests and development use the plain storage.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# E-mail: the console by default, SMTP when EMAIL_HOST is set (Django 6.1's MAILERS).
if env("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env("EMAIL_HOST"),
                "port": envint("EMAIL_PORT", 587),
                "username": env("EMAIL_HOST_USER"),
                "password": env("EMAIL_HOST_PASSWORD"),
                "use_tls": envbool("EMAIL_USE_TLS", True),
                "timeout": envint("EMAIL_TIMEOUT", 10),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# The mail worker claims a mail before sending it (razon/mail.py); a claim never given back
# (the worker killed mid-send, the database away) lapses after this many seconds and a later
# pass sends the mail. Far longer than a send can take (EMAIL_TIMEOUT per step of SMTP).
RAZON_MAIL_CLAIM_SECONDS = envint("RAZON_MAIL_CLAIM_SECONDS", 300)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "RA-ZON <noreply@ra-zon.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Beheer", address) for address in envlist("ADMINS")]

# Security. Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG and not TESTING)
SESSION_COOKIE_SECURE = not DEBUG and not TESTING
CSRF_COOKIE_SECURE = not DEBUG and not TESTING
LANGUAGE_COOKIE_SECURE = not DEBUG and not TESTING
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
# Preloading is a commitment to the browsers' lists for the whole domain, so it is the
# operator's opt-in (SECURE_HSTS_PRELOAD=1), not a default; until then its reminder is silenced.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # django-axes reports every login at INFO; lockouts are warnings.
        "axes": {"level": "WARNING"},
        # One line per request (razon/observe.py); slow ones are warnings.
        "razon.requests": {"level": env("RAZON_REQUEST_LOG_LEVEL", "INFO")},
    },
}
# A request that takes longer than this (milliseconds) is logged as a warning.
RAZON_SLOW_REQUEST_MS = envint("RAZON_SLOW_REQUEST_MS", 1000)

# Portal settings.
RAZON_CONTACT_EMAIL = env("RAZON_CONTACT_EMAIL", "info@ra-zon.nl")
# Who is notified of a contact message (comma-separated), and the AVG retention period.
RAZON_CONTACT_RECIPIENTS = envlist("RAZON_CONTACT_RECIPIENTS", RAZON_CONTACT_EMAIL)
RAZON_CONTACT_RETENTION_MONTHS = envint("RAZON_CONTACT_RETENTION_MONTHS", 12)
# Scale-level conversation boards without activity for this many days are deleted by
# `purge_conversations` (published and example boards are kept). A board is a workshop's
# tool: three months leave time to export it after a session spread over weeks.
RAZON_CONVERSATION_IDLE_DAYS = envint("RAZON_CONVERSATION_IDLE_DAYS", 90)
# Abuse: at most this many messages per client per window; faster than the minimum fill
# time is a bot. The limit lives in the cache (Redis in production, shared by app servers).
RAZON_CONTACT_RATE_LIMIT = envint("RAZON_CONTACT_RATE_LIMIT", 5)
RAZON_CONTACT_RATE_WINDOW = envint("RAZON_CONTACT_RATE_WINDOW", 600)
RAZON_FORM_MIN_SECONDS = envint("RAZON_FORM_MIN_SECONDS", 3)
# How many proxies in front of the app append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)
# Uploaded documents and images larger than this (bytes) are refused with a message.
RAZON_MAX_UPLOAD_SIZE = envint("RAZON_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)
# Request bodies larger than this (bytes) are refused (413) outside the admin, before they
# are read. The longest contact message (5,000 characters, about 52 KB as a browser encodes
# it even in Chinese) stays below it.
RAZON_MAX_PUBLIC_BODY_SIZE = envint("RAZON_MAX_PUBLIC_BODY_SIZE", 64 * 1024)
# Uploaded images with more pixels than this are refused: decoding one takes memory in
# proportion (a "decompression bomb" is a small file that unpacks to billions of pixels).
RAZON_MAX_IMAGE_PIXELS = envint("RAZON_MAX_IMAGE_PIXELS", 40_000_000)
# Registrations for events: at most this many per client per window.
RAZON_REGISTRATION_RATE_LIMIT = envint("RAZON_REGISTRATION_RATE_LIMIT", 10)
RAZON_REGISTRATION_RATE_WINDOW = envint("RAZON_REGISTRATION_RATE_WINDOW", 600)
# Registrations' personal data (name, address, organisation, function, question) is erased
# this many days after the event ended (`purge_registrations`, AVG); the counts stay. Eight
# weeks: long enough to send the report and presentations to who came and to answer their
# questions afterwards, short enough that a list of participants does not linger.
RAZON_REGISTRATION_RETENTION_DAYS = envint("RAZON_REGISTRATION_RETENTION_DAYS", 56)
# A registration counts once the address's owner confirms it with the link in the mail; the
# link works this many hours (never after registration closes), then the row is deleted.
RAZON_REGISTRATION_CONFIRM_HOURS = envint("RAZON_REGISTRATION_CONFIRM_HOURS", 72)
# Registering an address again mails its owner again at most once per this many minutes.
RAZON_REGISTRATION_REPEAT_MAIL_MINUTES = envint("RAZON_REGISTRATION_REPEAT_MAIL_MINUTES", 10)
# The scale-level conversation (/schaalniveau/, conversations/): boards started per client
# per window; what one participant (a key in a signed cookie) may add and do per window; and,
# per client address, a bound that a whole room behind one school network stays under.
RAZON_CONVERSATION_START_LIMIT = envint("RAZON_CONVERSATION_START_LIMIT", 5)
RAZON_CONVERSATION_START_WINDOW = envint("RAZON_CONVERSATION_START_WINDOW", 3600)
RAZON_CONVERSATION_PARTICIPANT_LIMIT = envint("RAZON_CONVERSATION_PARTICIPANT_LIMIT", 120)
RAZON_CONVERSATION_CLIENT_LIMIT = envint("RAZON_CONVERSATION_CLIENT_LIMIT", 2000)
RAZON_CONVERSATION_WINDOW = envint("RAZON_CONVERSATION_WINDOW", 600)
# Wrong join codes tried per client per window before the code form refuses (guessing).
RAZON_CONVERSATION_CODE_LIMIT = envint("RAZON_CONVERSATION_CODE_LIMIT", 20)
# How often an open board asks the server whether something changed (seconds).
RAZON_CONVERSATION_POLL_SECONDS = envint("RAZON_CONVERSATION_POLL_SECONDS", 3)
# The site's public address, for links in e-mails and calendar files sent outside a request.
RAZON_SITE_URL = env("RAZON_SITE_URL", "http://127.0.0.1:8000")
