"""Health endpoints for load balancers and orchestrators.

``/healthz`` says the process is alive and touches nothing else, so a slow database never gets a healthy
process restarted. ``/readyz`` says whether this process can serve pages: the database must answer. The
shared cache is checked and reported too, but an unreachable cache does not make the process unready: the
site serves from the database meanwhile (a cache outage is a cache miss), and taking every app server out of
the load balancer because Redis is down would turn a slowdown into an outage.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@require_safe
@never_cache
def healthz(request):
    return JsonResponse({"status": "alive"})


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("Readiness check: the database did not answer")
        return False


def cache_answers():
    key, value = "delivery:readyz", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    return cache.get(key) == value


@require_safe
@never_cache
def readyz(request):
    checks = {
        "database": "ok" if database_answers() else "unavailable",
        "cache": "ok" if cache_answers() else "unavailable",
    }
    ready = checks["database"] == "ok"
    return JsonResponse(
        {"status": "ready" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )
