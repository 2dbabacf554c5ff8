"""A per-client limit on feedback, counted in the cache under a keyed hash of the client's address.

The address itself is never stored: only an HMAC of it (keyed with SECRET_KEY) is used as a cache key,
and the counter expires after the window.
"""

from django.core.cache import cache
from django.utils.crypto import salted_hmac

WINDOW_SECONDS = 60 * 60
# A reader answers once per page, perhaps twice after changing their mind.
MAX_PER_PAGE = 3
# Enough for someone reading a lot in one sitting, too few to flood the reports.
MAX_PER_CLIENT = 30


def client_key(request):
    """A keyed hash of the client's address: stable for the rate limit, useless for identifying anyone."""
    address = request.META.get("REMOTE_ADDR", "")
    return salted_hmac("feedback.rate_limit", address).hexdigest()[:32]


def allow(request, page_id):
    """Count one answer from this client; False when it is over either limit for the current window."""
    client = client_key(request)
    keys = {f"feedback:rate:{client}": MAX_PER_CLIENT, f"feedback:rate:{client}:{page_id}": MAX_PER_PAGE}
    allowed = True
    for key, limit in keys.items():
        cache.add(key, 0, timeout=WINDOW_SECONDS)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=WINDOW_SECONDS)
            count = 1
        allowed = allowed and count <= limit
    return allowed
