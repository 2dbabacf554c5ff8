"""A per-client limit on feedback, counted in the database under a keyed hash of the client's address.

The count lives in the database, not the cache: without Redis each worker process has its own cache, so a
reader could answer once per worker, and even with Redis an outage would switch the limit off. The database
is shared by every process and must answer anyway to store the feedback, so counting there adds no new way to
fail. Each limit is one row (``AnswerCount``) raised by a single conditional ``UPDATE ... count = count + 1
WHERE count < limit``, which the database applies atomically, so two workers can never both take the last
answer. One answer costs four small queries in one transaction (delete expired rows, insert the rows if
missing, one update per limit); see docs/deploy.md for the measurement.

The address itself is never stored: only an HMAC of it (keyed with SECRET_KEY). Behind a reverse proxy, list
it in ``TRUSTED_PROXIES`` (delivery/client_address.py) so readers are told apart by their own address, not the
proxy's.
"""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from delivery.client_address import client_address

from .models import AnswerCount

# A reader answers a page once a day, so one person cannot flag a page for clinical review alone.
PER_PAGE = (1, 24 * 60 * 60)
# Enough for someone reading a lot in one sitting, too few to flood the reports.
PER_CLIENT = (30, 60 * 60)


def client_key(request):
    """A keyed hash of the client's address: stable for the rate limit, useless for identifying anyone."""
    return salted_hmac("feedback.rate_limit", client_address(request)).hexdigest()[:32]


def allow(request, page_id):
    """Count one answer from this client to this page; False, counting nothing, when either limit is reached.

    A window starts with the first answer counted in it, as a cache entry's timeout would.
    """
    client = client_key(request)
    limits = {f"{client}:{page_id}": PER_PAGE, client: PER_CLIENT}
    now = timezone.now()
    with transaction.atomic():
        AnswerCount.objects.filter(expires_at__lte=now).delete()
        AnswerCount.objects.bulk_create(
            [
                AnswerCount(key=key, expires_at=now + datetime.timedelta(seconds=window))
                for key, (_, window) in limits.items()
            ],
            ignore_conflicts=True,
        )
        for key, (limit, _) in limits.items():
            if not AnswerCount.objects.filter(key=key, count__lt=limit).update(count=F("count") + 1):
                transaction.set_rollback(True)
                return False
    return True
