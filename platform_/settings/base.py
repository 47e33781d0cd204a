"""Settings shared by every environment; everything that differs comes from the environment."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from platform_.settings.environment import DEVELOPMENT_HINT, env_bool, env_list, env_required

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# The servers' URLs come from the environment only: settings never start a server (see platform_/devservices.py).
env_required("DATABASE_URL", "REDIS_URL", hint=DEVELOPMENT_HINT)

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me-0123456789abcdefghij")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "http://127.0.0.1:8000,http://localhost:8000")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "platform_.identity",
    "platform_.audit",
    "platform_.notifications",
    "platform_.realtime",
    "platform_.api",
    "platform_.duplicates",
    "platform_.compliance",
    "platform_.verification",
    "platform_.phone",
    "platform_.workplace",
    "clusters",
    "knowledge",
    "projects",
    "spillover",
    "observatory",
    "agencies",
    "reputation",
    "portability",
    "belts",
]

MIDDLEWARE = [
    "platform_.outage.OutageMiddleware",  # first: a request failed by a dead dependency answers 503
    "django.middleware.security.SecurityMiddleware",
    "platform_.csp.PlatformCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "platform_.identity.middleware.CurrentFirmMiddleware",
    "platform_.request_memo.RequestMemoMiddleware",
    "platform_.input.BadInputMiddleware",
    "platform_.page_errors.DomainErrorMiddleware",
    "platform_.api.middleware.PartnerApiMiddleware",
]

ROOT_URLCONF = "platform_.urls"
ASGI_APPLICATION = "platform_.asgi.application"
WSGI_APPLICATION = "platform_.wsgi.application"

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
                "django.template.context_processors.i18n",
                "platform_.identity.context_processors.current_firm",
                "platform_.compliance.context_processors.filings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ["DATABASE_URL"], conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0"))
    )
}
if env_bool("DB_POOL"):
    # The ASGI server (make run sets DB_POOL=1 for it): sockets' database calls share a
    # connection pool instead of opening a PostgreSQL connection per call (conn_max_age must be 0).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {"min_size": 2, "max_size": 8, "timeout": 5}
# No request hangs on a dead database (docs/operations.md): connecting gives up after DB_CONNECT_TIMEOUT s
# (libpq's minimum is 2) and a statement after DB_STATEMENT_TIMEOUT_MS (make run sets it for the web server).
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(os.environ.get("DB_CONNECT_TIMEOUT", "3"))
if _statement_ms := int(os.environ.get("DB_STATEMENT_TIMEOUT_MS", "0")):
    DATABASES["default"]["OPTIONS"]["options"] = f"-c statement_timeout={_statement_ms}"
if _replica_url := os.environ.get("DATABASE_REPLICA_URL"):
    # A streaming replica of the primary: selectors that opt in read from it (platform_/db_router.py).
    DATABASES["replica"] = {
        **dj_database_url.parse(_replica_url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"]),
        "OPTIONS": dict(DATABASES["default"]["OPTIONS"]),
        "TEST": {"MIRROR": "default"},  # a test run has no replica: its reads go to the test database
    }
DATABASE_ROUTERS = ["platform_.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
REDIS_URL = os.environ["REDIS_URL"]

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_PREFIX", "vc"),
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},  # a dead Redis fails fast
    }
}

AUTH_USER_MODEL = "identity.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
SITE_ID = 1

# django-allauth: e-mail is the login; verification is mandatory.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "platform_.identity.account.SignupForm"  # a name and a language
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[VC] "
# Phone sign-in (platform_.phone): the SMS backend, and each cloud's settings (see docs/china.md).
SMS_BACKEND = os.environ.get("SMS_BACKEND", "platform_.phone.sms.ConsoleBackend")

# Workplace-app sign-in (platform_.workplace): a provider is offered only where its app's id and
# secret are set. New accounts are made without asking (no e-mail is taken from the app).
SOCIALACCOUNT_ADAPTER = "platform_.workplace.adapter.WorkplaceSocialAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_REQUIRED = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_STORE_TOKENS = False


def _signin_app(prefix: str, **settings: str) -> list[dict[str, object]]:
    client_id, secret = os.environ.get(f"{prefix}_APP_ID", ""), os.environ.get(f"{prefix}_APP_SECRET", "")
    return [{"client_id": client_id, "secret": secret, "settings": settings}] if client_id and secret else []


SOCIALACCOUNT_PROVIDERS = {
    "weixin": {"APPS": _signin_app("WECHAT"), "SCOPE": ["snsapi_login"]},
    "dingtalk": {"APPS": _signin_app("DINGTALK")},
    "feishu": {"APPS": _signin_app("FEISHU")},
    "wecom": {"APPS": _signin_app("WECOM", agent_id=os.environ.get("WECOM_AGENT_ID", ""))},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@virtual-clusters.local")

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Mainland filings shown in every page's footer when set (docs/china.md): the ICP filing number
# (e.g. "京ICP备12345678号-1") and the public-security filing number (e.g. "京公网安备11010502000001号"),
# with an optional static path of the public-security badge image the deployment ships.
ICP_FILING_NUMBER = os.environ.get("ICP_FILING_NUMBER", "")
PSB_FILING_NUMBER = os.environ.get("PSB_FILING_NUMBER", "")
PSB_FILING_BADGE = os.environ.get("PSB_FILING_BADGE", "")
# Who verifies firms (platform_/verification/providers.py): "manual" review of the business licence by a
# platform administrator, "registry" (a service checking name, credit code and legal representative), or a
# dotted path to a provider class.
FIRM_VERIFICATION_PROVIDER = os.environ.get("FIRM_VERIFICATION_PROVIDER", "manual")
FIRM_VERIFICATION_SERVICE_URL = os.environ.get("FIRM_VERIFICATION_SERVICE_URL", "")
FIRM_VERIFICATION_SERVICE_KEY = os.environ.get("FIRM_VERIFICATION_SERVICE_KEY", "")
# Electronic signature of IP transfers (platform_/esign.py): "local" signs on the platform's own
# pages; "esign_v3" is e签宝's open API v3.
ESIGN_PROVIDER = os.environ.get("ESIGN_PROVIDER", "local")
ESIGN_API_URL = os.environ.get("ESIGN_API_URL", "https://openapi.esign.cn")
ESIGN_APP_ID = os.environ.get("ESIGN_APP_ID", "")
ESIGN_APP_SECRET = os.environ.get("ESIGN_APP_SECRET", "")
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / ".local" / "media"))
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": os.environ.get("FILE_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# FILE_STORAGE=s3: uploads go to a private bucket of any S3-compatible server (django-storages), and
# leave it only through presigned URLs issued after the permission check (FILE_SERVE_MODE "s3").
# The local file system (MEDIA_ROOT) stays the default, as in `make run`. See docs/scaling.md.
if STORAGES["default"]["BACKEND"] == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("S3_BUCKET", "vc-media"),
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,  # None: AWS itself
            "access_key": os.environ.get("S3_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY", ""),
            "region_name": os.environ.get("S3_REGION", "us-east-1"),
            "signature_version": "s3v4",
            "addressing_style": "path" if os.environ.get("S3_ENDPOINT_URL") else "virtual",
            "default_acl": None,  # the bucket's own (private); never public-read
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_485_760
# Open statistics: no published figure describes fewer than this many firms; the open API's rate per address.
OPEN_STATISTICS_MIN_FIRMS = int(os.environ.get("OPEN_STATISTICS_MIN_FIRMS", "3"))
OPEN_DATA_RATE = os.environ.get("OPEN_DATA_RATE", "120/min")
# Stored files leave only through checked views (platform_/files.py): streamed by Django ("django"),
# by nginx after the check ("nginx": X-Accel-Redirect to this internal prefix), or by a signed S3 URL ("s3").
FILE_SERVE_MODE = os.environ.get("FILE_SERVE_MODE", "s3" if os.environ.get("FILE_STORAGE") == "s3" else "django")
FILE_SERVE_NGINX_PREFIX = os.environ.get("FILE_SERVE_NGINX_PREFIX", "/protected-media/")
FILE_SERVE_URL_SECONDS = int(os.environ.get("FILE_SERVE_URL_SECONDS", "60"))
ASSET_MAX_UPLOAD_BYTES = int(os.environ.get("ASSET_MAX_UPLOAD_BYTES", str(25 * 1024 * 1024)))

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "platform_.api.authentication.ApiKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "platform_.api.throttling.ApiKeyRateThrottle",
        "platform_.api.throttling.AnonymousRateThrottle",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": [
        "platform_.api.lean.QueryFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    # JSON bodies only: generated clients send what the schema declares (multipart only where a view
    # that uploads a file says so in its own parser_classes).
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "platform_.api.renderers.OrjsonRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "platform_.api.pagination.CursorPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "platform_.api.errors.exception_handler",
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.NamespaceVersioning",
}
# Partner API: per-key rate (a key may set its own), webhook retries (exponential, then dead-letter).
API_KEY_RATE = os.environ.get("API_KEY_RATE", "600/min")
# Calls with neither a key nor a session: per client address (REMOTE_ADDR; see docs/api.md behind a proxy).
API_ANON_RATE = os.environ.get("API_ANON_RATE", "300/min")
WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("WEBHOOK_MAX_ATTEMPTS", "8"))
WEBHOOK_BACKOFF_BASE_SECONDS = float(os.environ.get("WEBHOOK_BACKOFF_BASE_SECONDS", "30"))
WEBHOOK_BACKOFF_MAX_SECONDS = float(os.environ.get("WEBHOOK_BACKOFF_MAX_SECONDS", str(6 * 3600)))
WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("WEBHOOK_TIMEOUT_SECONDS", "10"))
# Webhooks reach only globally routable addresses (docs/security.md); loopback may be allowed, for
# a receiver on this machine in development, only by setting WEBHOOK_ALLOW_LOOPBACK=1.
WEBHOOK_ALLOW_LOOPBACK = env_bool("WEBHOOK_ALLOW_LOOPBACK", False)

# Content-Security-Policy (django-csp 4): no inline script anywhere; platform_/csp.py adds the socket origin.
CONTENT_SECURITY_POLICY: dict[str, Any] = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": "/csp-report/",
        "report-to": "csp",
    },
}
CSP_REPORT_MAX_BYTES = 16_384

SPECTACULAR_SETTINGS = {
    "TITLE": "Virtual Clusters API",
    "DESCRIPTION": "Partner API of the virtual industry cluster platform.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVERS": [{"url": "/", "description": "The instance that serves this schema."}],
    "LICENSE": {"name": "Proprietary"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "platform_.api.schema.add_problem_responses",
        "platform_.api.schema.clean_request_bodies",
        "platform_.api.schema.add_response_headers",
        "platform_.api.schema.add_scopes",
        "platform_.api.schema.add_webhooks",
        "platform_.api.schema.tidy",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ProvinceEnum": "platform_.identity.regions.Province",
        "ClusterStatusEnum": "clusters.models.ClusterStatus",
        "MembershipStatusEnum": "clusters.models.MembershipStatus",
        "MembershipKindEnum": "clusters.api.serializers.MEMBERSHIP_KINDS",
        "AgencyKindEnum": "agencies.models.AgencyKind",
        "GuidanceKindEnum": "agencies.models.GuidanceKind",
        # Names generated clients keep (instead of hashed ones such as Kind25fEnum).
        "AssetKindEnum": "knowledge.models.AssetKind",
        "ProjectKindEnum": "projects.models.ProjectKind",
        "AssetStatusEnum": "knowledge.models.AssetStatus",
        "ProjectStatusEnum": "projects.models.ProjectStatus",
        "DeliveryStatusEnum": "platform_.api.models.DeliveryStatus",
        "LinkKindEnum": "knowledge.models.LinkKind",
    },
}

CHANNEL_LAYERS: dict[str, Any] = {
    "default": {
        # Pub/Sub fans out inside each server process (see platform_/realtime/layers.py and
        # docs/performance.md); groups never silently expire, and each socket's queue is bounded.
        "BACKEND": "platform_.realtime.layers.BoundedPubSubChannelLayer",
        "CONFIG": {
            "hosts": [{"address": REDIS_URL, "socket_connect_timeout": 1}],
            "prefix": os.environ.get("CHANNELS_PREFIX", "vc-asgi"),
            # Deliberate: a socket that falls 200 messages behind is dropping, not buffering forever.
            "capacity": 200,
        },
    }
}

CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TRACK_STARTED = True
CELERY_TIMEZONE = TIME_ZONE
# The visibility timeout stays long (1 h): Redis hands a task waiting on a countdown (webhook retries) out
# again each time it passes. A task whose worker died is put back in its queue within a minute instead by
# platform_/task_recovery.py (workers record what they hold and beat that they are alive; beat sweeps),
# and a spillover run it left "running" is resumed (spillover/services/orphans.py). docs/operations.md.
TASK_HEARTBEAT_SECONDS = float(os.environ.get("TASK_HEARTBEAT_SECONDS", "5"))
TASK_ORPHAN_AFTER_SECONDS = float(os.environ.get("TASK_ORPHAN_AFTER_SECONDS", "15"))
TASK_ORPHAN_CONFIRM_SECONDS = float(os.environ.get("TASK_ORPHAN_CONFIRM_SECONDS", "10"))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600")),
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    "webhook-sweep": {"task": "platform_.api.tasks.webhook_sweep", "schedule": 60.0},
    "api-call-log-flush": {"task": "platform_.api.tasks.api_call_log_flush", "schedule": 5.0},
    "projects-close-due": {"task": "projects.tasks.close_due_projects", "schedule": 30.0},
    "observatory-refresh": {
        "task": "observatory.tasks.refresh_open_statistics",
        "schedule": crontab(minute=45, hour=4),
    },
    "spillover-full-recompute": {
        "task": "spillover.tasks.recompute_all",
        "schedule": crontab(minute=15, hour=3),
    },
    "task-orphan-sweep": {
        "task": "platform_.task_recovery.sweep_orphaned_tasks",
        "schedule": float(os.environ.get("TASK_ORPHAN_SWEEP_SECONDS", "10")),
    },
    "spillover-orphan-sweep": {
        "task": "spillover.tasks.sweep_orphaned_runs",
        "schedule": float(os.environ.get("SPILLOVER_ORPHAN_SWEEP_SECONDS", "15")),
    },
    "portability-expire-exports": {"task": "portability.tasks.expire_exports", "schedule": crontab(minute=0)},
    "knowledge-grant-terms": {"task": "knowledge.tasks.grant_terms_sweep", "schedule": crontab(minute=5)},
    "agencies-cluster-activity": {
        "task": "agencies.tasks.refresh_cluster_activity",
        "schedule": crontab(minute=50),
    },
    "knowledge-contributors": {
        "task": "knowledge.tasks.contributors_recompute_all",
        "schedule": crontab(minute=30, hour=3),
    },
}
# Celery map tasks that fold partitions of the record of use beside the full recompute's own task
# (0: that task folds every partition itself); the figures are the same to the last bit either way.
SPILLOVER_MAP_TASKS = int(os.environ.get("SPILLOVER_MAP_TASKS", "0"))
# Days before an access or licence grant ends that its firms are reminded (knowledge.embargo).
GRANT_REMINDER_DAYS = int(os.environ.get("GRANT_REMINDER_DAYS", "7"))

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": os.environ.get("LOG_FORMAT", "plain"),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "jieba": {"level": "WARNING"},
    },
}
