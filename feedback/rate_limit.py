"""A per-client limit on feedback, counted in the cache under a keyed hash of the client's address.

The address itself is never stored: only an HMAC of it (keyed with SECRET_KEY) is used as a cache key,
and each counter expires after its window. Behind a reverse proxy, set ``FEEDBACK_CLIENT_ADDRESS_HEADER``
(for example ``HTTP_X_FORWARDED_FOR``) so readers are told apart by their own address, not the proxy's.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

# A reader answers a page once a day, so one person cannot flag a page for clinical review alone.
PER_PAGE = (1, 24 * 60 * 60)
# Enough for someone reading a lot in one sitting, too few to flood the reports.
PER_CLIENT = (30, 60 * 60)

logger = logging.getLogger(__name__)


def client_address(request):
    """The reader's address: the last one the trusted proxy added to its header, else REMOTE_ADDR."""
    header = getattr(settings, "FEEDBACK_CLIENT_ADDRESS_HEADER", "")
    forwarded = request.META.get(header, "") if header else ""
    addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
    return addresses[-1] if addresses else request.META.get("REMOTE_ADDR", "")


def client_key(request):
    """A keyed hash of the client's address: stable for the rate limit, useless for identifying anyone."""
    return salted_hmac("feedback.rate_limit", client_address(request)).hexdigest()[:32]


def allow(request, page_id):
    """Count one answer from this client; False when it is over either limit for its window."""
    client = client_key(request)
    limits = {f"feedback:rate:{client}": PER_CLIENT, f"feedback:rate:{client}:{page_id}": PER_PAGE}
    allowed = True
    for key, (limit, window) in limits.items():
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            count = 1
        if count is None:  # the cache is down (its errors are logged): let the answer through, not a 500
            logger.warning("Feedback limit not checked: the cache did not answer")
            continue
        allowed = allowed and count <= limit
    return allowed
