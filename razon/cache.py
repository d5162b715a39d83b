"""Django's Redis cache, keeping one client per connection pool, and answering like a miss
while Redis cannot be reached.

An outage makes the site slower, never broken: reads miss, writes are dropped (a warning at
most once a minute per process), and after a failure the server is left alone for a few
seconds, so a Redis that does not answer costs a request no more than its timeouts once.
`incr` still raises: the rate limit (razon/ratelimit.py) decides what a missing count means.

Django's RedisCacheClient builds a new `redis.Redis` for every cache operation (0.2 to 0.3 ms
each: it fills its table of response callbacks). A client is thread-safe and only wraps the
pool, so one is kept per pool. Measured on the cached htmx fragments under gunicorn, 5 runs
each way: 0.84 times a bare Django view's requests/s with it, 0.76 without, 10 % more
(docs/decisions.md). Django has no public hook for this: it relies on `_get_connection_pool`
and `RedisCache._class`, which the suite's Redis run guards (tests/razon/test_cache.py)."""

import logging
import time
from functools import wraps

import redis as redis_py
from django.core.cache.backends import redis

logger = logging.getLogger(__name__)
RETRY_AFTER = 5  # seconds a failed server is left alone
WARNING_INTERVAL = 60  # seconds between two warnings of one process
_failed_at = {}  # server -> when it last failed (time.monotonic())
_warned_at = {}  # message -> when it was last logged


def warn_throttled(message, *args):
    """A warning at most once every WARNING_INTERVAL seconds per message, so an outage does
    not flood the log with one line per request."""
    now = time.monotonic()
    if now - _warned_at.get(message, -WARNING_INTERVAL) >= WARNING_INTERVAL:
        _warned_at[message] = now
        logger.warning(message, *args)


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = redis_py.Redis(connection_pool=pool)
        return client


def _or_miss(miss):
    """Runs the cache operation, or answers `miss(*args, **kwargs)` when Redis fails."""

    def decorate(method):
        @wraps(method)
        def operation(self, *args, **kwargs):
            if self._resting():
                return miss(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except redis_py.RedisError as error:
                self._failed(error)
                return miss(*args, **kwargs)

        return operation

    return decorate


def _given_default(key, default=None, version=None):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
        self._server_key = str(server)

    def _resting(self):
        failed_at = _failed_at.get(self._server_key)
        return failed_at is not None and time.monotonic() - failed_at < RETRY_AFTER

    def _failed(self, error):
        _failed_at[self._server_key] = time.monotonic()
        warn_throttled("Cache unavailable, going on without it: %r", error)

    get = _or_miss(_given_default)(redis.RedisCache.get)
    get_many = _or_miss(lambda *args, **kwargs: {})(redis.RedisCache.get_many)
    has_key = _or_miss(_false)(redis.RedisCache.has_key)
    add = _or_miss(_false)(redis.RedisCache.add)
    set = _or_miss(_nothing)(redis.RedisCache.set)
    set_many = _or_miss(lambda *args, **kwargs: [])(redis.RedisCache.set_many)
    touch = _or_miss(_false)(redis.RedisCache.touch)
    delete = _or_miss(_false)(redis.RedisCache.delete)
    delete_many = _or_miss(_nothing)(redis.RedisCache.delete_many)
    clear = _or_miss(_nothing)(redis.RedisCache.clear)

    def incr(self, key, delta=1, version=None):
        if self._resting():
            raise redis_py.ConnectionError("the cache failed a moment ago")
        try:
            return super().incr(key, delta, version)
        except redis_py.RedisError as error:
            self._failed(error)
            raise
