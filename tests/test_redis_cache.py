"""The Redis cache backend (neutro_site/redis_cache.py), against the Redis that REDIS_URL names."""

import os

import pytest
from django.core.cache import caches

from neutro_site.redis_cache import RedisCache

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="set REDIS_URL to test the Redis cache backend")


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "neutro_site.redis_cache.RedisCache", "LOCATION": REDIS_URL}}
    return caches["default"]


def test_the_site_uses_this_backend_when_redis_url_is_set():
    assert isinstance(caches["default"], RedisCache)


def test_values_go_in_and_come_out(redis_cache):
    redis_cache.set("redis-cache-test", {"page": b"bytes"}, 30)
    assert redis_cache.get("redis-cache-test") == {"page": b"bytes"}
    assert redis_cache.add("redis-cache-test", "other") is False
    redis_cache.delete("redis-cache-test")
    assert redis_cache.get("redis-cache-test") is None


def test_calls_share_one_redis_client(redis_cache):
    redis_cache.get("redis-cache-test")
    redis_cache.set("redis-cache-test", 1, 30)
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client
