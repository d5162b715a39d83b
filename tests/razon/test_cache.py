"""razon.cache keeps one Redis client per connection pool, where Django's Redis cache builds
one per operation, and reads and writes as Django's does. Needs Redis (REDIS_URL): it guards
the private names of Django's backend that razon.cache relies on."""

import pytest
import redis as redis_py
from django.conf import settings

from razon.cache import RedisCache

pytestmark = pytest.mark.skipif(not settings.REDIS_URL, reason="needs Redis (REDIS_URL)")


@pytest.fixture
def redis_cache():
    cache = RedisCache(settings.REDIS_URL, {"KEY_PREFIX": "razon-test-cache"})
    yield cache
    cache.delete_many(["page", "generation", "count"])


def test_every_operation_uses_one_client(redis_cache, monkeypatch):
    built = []
    real = redis_py.Redis

    def counting(**kwargs):
        built.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(redis_py, "Redis", counting)
    redis_cache.set("page", "html")
    redis_cache.get_many(["generation", "page"])
    redis_cache.add("count", 1)
    redis_cache.incr("count")
    redis_cache.delete("page")

    assert len(built) == 1


def test_it_reads_and_writes_as_djangos_redis_cache(redis_cache):
    redis_cache.set("page", {"content": b"<main>"}, 60)
    redis_cache.set("generation", "abc", None)
    redis_cache.add("count", 1)

    assert redis_cache.get_many(["generation", "page", "missing"]) == {
        "generation": "abc",
        "page": {"content": b"<main>"},
    }
    assert redis_cache.incr("count") == 2
    assert redis_cache.delete("page")
    assert redis_cache.get("page") is None
