"""Django's Redis cache, keeping one client per connection pool.

Django's RedisCacheClient builds a new `redis.Redis` for every cache operation (0.2 to 0.3 ms
each: it fills its table of response callbacks). A client is thread-safe and only wraps the
pool, so one is kept per pool. Measured on the cached htmx fragments under gunicorn, 5 runs
each way: 0.84 times a bare Django view's requests/s with it, 0.76 without, 10 % more
(docs/decisions.md). Django has no public hook for this: it relies on `_get_connection_pool`
and `RedisCache._class`, which the suite's Redis run guards (tests/razon/test_cache.py)."""

import redis as redis_py
from django.core.cache.backends import redis


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


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
