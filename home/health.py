"""The load balancer's health check: the database and the cache must both answer."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.warning("Health check: the database does not answer", exc_info=True)
        return False


def _cache_ok() -> bool:
    # A key per probe: probes arriving together must not overwrite each other's value.
    probe = uuid.uuid4().hex
    key = f"healthcheck:{probe}"
    try:
        cache.set(key, probe, timeout=10)
        answered = cache.get(key) == probe
        cache.delete(key)
        return answered
    except Exception:
        logger.warning("Health check: the cache does not answer", exc_info=True)
        return False


@never_cache
@require_GET
def health(request):
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    status = 200 if all(checks.values()) else 503
    return JsonResponse({name: "ok" if ok else "fail" for name, ok in checks.items()}, status=status)
