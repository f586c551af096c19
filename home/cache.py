"""A Redis cache that degrades to "no cache" when Redis is down, so pages still render.

Errors are logged and the call answers as if the key were missing. Only `incr` raises `CacheUnavailable`:
a counter must not pretend to count, so its caller (the rate limiter) decides what an outage means.
"""

import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

try:
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover - redis is a dependency of production only
    RedisError = OSError


class CacheUnavailable(Exception):
    pass


def _fallback(method_name, default):
    def method(self, *args, **kwargs):
        try:
            return getattr(super(ResilientRedisCache, self), method_name)(*args, **kwargs)
        except (RedisError, OSError) as error:
            logger.warning("Cache unavailable (%s): %s", method_name, type(error).__name__)
            return default() if callable(default) else default

    method.__name__ = method_name
    return method


class ReusingRedisCacheClient(RedisCacheClient):
    """Django builds a new `redis.Redis` object around the connection pool for every cache call, which costs
    more than the GET itself. One object per pool does: a `redis.Redis` holds no connection of its own (it
    takes one from the pool per command) and is safe to share between threads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except (RedisError, OSError) as error:
            logger.warning("Cache unavailable (get): %s", type(error).__name__)
            return default

    get_many = _fallback("get_many", dict)
    set = _fallback("set", None)
    set_many = _fallback("set_many", list)
    add = _fallback("add", False)
    touch = _fallback("touch", False)
    delete = _fallback("delete", False)
    delete_many = _fallback("delete_many", None)
    has_key = _fallback("has_key", False)
    clear = _fallback("clear", None)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except (RedisError, OSError) as error:
            raise CacheUnavailable(str(error)) from error
