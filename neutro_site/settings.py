"""Settings for the neutropenia guide.

Every value that differs between a laptop and a production server is read from an environment
variable in this one file, with the default shown beside it. The README lists them.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp import constants as csp
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default):
    """Return the boolean value of environment variable `name` ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    """Return the comma-separated environment variable `name` as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_site_url(name):
    """Return environment variable `name` as a site's root address ("https://host[:port]", no trailing slash).

    Empty when unset. Raise ImproperlyConfigured for anything that is not a bare http(s) origin, so a
    typo never ends up in every canonical link, sitemap and QR code.
    """
    value = os.environ.get(name, "").strip().rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    if (
        parts.scheme not in {"http", "https"}
        or not parts.hostname
        or parts.username
        or parts.path
        or parts.query
        or parts.fragment
    ):
        raise ImproperlyConfigured(
            f"{name} must be the site's address without a path, such as https://neutropenia.example.org (got {value!r})"
        )
    return value


# Core

DEBUG = env_flag("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string whenever DJANGO_DEBUG is off, "
            "for example: export DJANGO_SECRET_KEY=\"$(python -c 'import secrets; print(secrets.token_urlsafe(50))')\""
        )
    SECRET_KEY = "django-insecure-only-for-local-development"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

# The public address that canonical links, link previews, the sitemap, the feed and printed QR codes
# use. Empty: each request's own scheme and host.
SITE_URL = env_site_url("DJANGO_SITE_URL")

# The proxies in front of the site (nginx on the same machine: 127.0.0.1), as addresses or networks. Only
# from these is X-Forwarded-For believed (neutro_site/client_address.py); empty: it is ignored.
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "markdownx",
    "reversion",
    "csp",
    "axes",
    "articles",
    "checker",
    "editing",
    "page_cache",
    "signoff",
    "feedback",
    "handouts",
    "glossary",
    "languages",
]

# The client's own address behind the proxies comes first, so everything below sees it. The security
# headers (CSP, Permissions-Policy, X-Frame-Options) come right after SecurityMiddleware, so every
# response gets them, static files and cached pages included. The outage middleware turns a
# lost database into a 503 page. Axes must come last.
MIDDLEWARE = [
    "neutro_site.client_address.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A form in another encoding than UTF-8 gets a 400 before anything reads it.
    "neutro_site.form_encoding.FormEncodingMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole public pages from the shared cache: below the middleware that adds security headers (so
    # cached answers get them too) and whitenoise, above sessions, auth and CSRF (a hit skips them).
    "page_cache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "languages.middleware.LanguageFromAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "neutro_site.outage.DatabaseOutageMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "neutro_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.page_address",
            ],
        },
    },
]

WSGI_APPLICATION = "neutro_site.wsgi.application"

# Database: SQLite at the project root unless DATABASE_URL names another (PostgreSQL in production).

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
# Each request's writes (an article saved with its related links, a restored version) commit together
# or not at all.
DATABASES["default"]["ATOMIC_REQUESTS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: shared by every app server through Redis when REDIS_URL is set; otherwise a file-based cache,
# which every gunicorn worker on one machine shares (a local-memory cache would not be).

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / ".cache")),
        }
    }

# Whole-page cache (page_cache/): how long a kept page may be served. Editing an article
# clears the cache at once; this bounds how long a deploy's changed templates or code wait to show.
PAGE_CACHE_SECONDS = 60 * 60
# How long a shared cache in front (nginx: deploy/nginx/) may keep a public page, and serve it stale for
# as long again while one request fetches it anew: a change shows through it within twice this.
EDGE_CACHE_SECONDS = 5

# The article change form (editing/presence.py) says every this many seconds that its editor still has it
# open; someone not heard from for three times as long has stopped editing.
EDITING_PRESENCE_SECONDS = 30

# Page feedback (feedback/): how many answers and comments one address may send in an hour, counted in
# the cache under a keyed hash of the address (never the address itself).
FEEDBACK_POSTS_PER_HOUR = int(os.environ.get("FEEDBACK_POSTS_PER_HOUR", "20"))

# Email (review_due --email): printed to the console unless DJANGO_EMAIL_HOST names an SMTP server.

EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("DJANGO_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "neutropenia-guide@localhost")

# Passwords and login throttling (django-axes): 5 failures for one account from one address lock that
# pair out for 30 minutes; the address is REMOTE_ADDR, the client's own behind TRUSTED_PROXIES. Attempts
# are kept in the database, which every app server shares, and are listed in the admin; a success clears
# them.

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time

# English keeps the addresses it always had; every other language lives under its code (/es/...).
# A third language is one more line here and its catalogues (README "## Languages").
LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files (whitenoise: compressed, hashed names, cached far into the future) and uploads

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS: on by default whenever debug is off; DJANGO_HTTPS=0 allows plain HTTP on a private host.

HTTPS = env_flag("DJANGO_HTTPS", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
# Load balancers probe /healthz over plain HTTP inside the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp): only this site's own files. No inline script and no nonces, so a
# page can be cached whole; JSON-LD blocks are data, which CSP does not govern. The admin's and the
# markdownx editor's scripts are files; the editor's preview fetches from this site.

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
        "base-uri": [csp.NONE],
        "object-src": [csp.NONE],
    }
}

# Permissions-Policy (django-permissions-policy): turn off every device and feature the site never uses.
# clipboard-write stays allowed: the section links copy their address.

PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer", "ambient-light-sensor", "autoplay", "bluetooth", "browsing-topics", "camera",
        "display-capture", "encrypted-media", "geolocation", "gyroscope", "hid", "idle-detection",
        "interest-cohort", "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
        "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    ]
}  # fmt: skip

# Markdown editing (django-markdownx): previews use the same sanitising renderer as the public pages.
# markdownx's own URLs answer anyone and trust declared file types, so neutro_site/urls.py routes the
# widget's two paths to staff-only views (editing/views.py); what an upload may be (PNG, JPEG,
# WebP, 5 MB) is decided in editing/images.py, not by markdownx's upload settings.

MARKDOWNX_MARKDOWNIFY_FUNCTION = "articles.markdown.render_html"
MARKDOWNX_URLS_PATH = "/editor/preview/"
MARKDOWNX_UPLOAD_URLS_PATH = "/editor/images/"
MARKDOWNX_MEDIA_PATH = "images/"
# The body's box keeps a height set by the page (static/css/admin-editor.css) and scrolls, so the preview
# beside it stays in view; markdownx would otherwise grow it to its whole text.
MARKDOWNX_EDITOR_RESIZABLE = False

# Logging: warnings and errors to the console, where gunicorn and systemd collect them.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # At DEBUG, the template engine logs the whole context of a failed variable lookup: on the count
    # checker's page that is what the person typed. Capped here so no logging change can leak it.
    "loggers": {"django.template": {"level": "INFO"}},
}
