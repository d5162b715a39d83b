"""The product's settings (razon/settings.py, read from the environment) plus the benchmark:
its app (data set command, baseline template), the query-count header, the baseline's URL.
Only bench/run.py uses them (DJANGO_SETTINGS_MODULE=bench.settings); never in production."""

from razon.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
# First, so the count covers every query the other middleware runs too.
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
ROOT_URLCONF = "bench.urls"
