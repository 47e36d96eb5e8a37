"""Django's Redis cache backend, building one Redis client per connection pool instead of one per call.

Django's backend makes a new `redis.Redis` for every cache call; here that took longer than the call
itself (about 0.13 ms of 0.2 ms), and every cached page asks the cache at least once. A client built on
a pool is as thread-safe as the pool, and redis-py's pools reset themselves after a fork, so keeping the
client is safe under gunicorn's workers and threads.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return self._clients[index]


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
