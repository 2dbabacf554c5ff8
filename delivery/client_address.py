"""The address of the client behind a request, read the same way everywhere it counts.

Feedback limits and login lockouts both count by client address. Behind a reverse proxy every request comes from
the proxy, so ``FEEDBACK_CLIENT_ADDRESS_HEADER`` (for example ``HTTP_X_FORWARDED_FOR``) names the header the
trusted proxy fills in; only the last address in it, the one that proxy added, is believed, because a client can
send any header it likes with any addresses in it.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The client's address: the last one the trusted proxy added to its header, else REMOTE_ADDR."""
    header = getattr(settings, "FEEDBACK_CLIENT_ADDRESS_HEADER", "")
    forwarded = request.META.get(header, "") if header else ""
    addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
    return addresses[-1] if addresses else request.META.get("REMOTE_ADDR", "")


def client_ip(request):
    """``client_address`` when it is a valid IP address, else None: the form django-axes stores."""
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
