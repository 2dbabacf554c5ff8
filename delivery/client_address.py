"""The address of the client behind a request, read the same way everywhere it counts.

Feedback limits and login lockouts both count by client address. Behind a reverse proxy every request comes from
the proxy, which appends the address it was reached from to ``X-Forwarded-For``. Any client can send that header
too, filled with whatever it likes, so it is believed only as far as our own proxies wrote it:
``TRUSTED_PROXIES`` lists their addresses or networks. When the request comes from one of them, the client is the
right-most address in the header that is not a trusted proxy itself; anything left of it was written by the
client and is ignored. A request from anywhere else is counted by its own ``REMOTE_ADDR``, whatever its
headers say.
"""

import functools
import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@functools.cache
def _networks(entries):
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {entry!r} is not an IP address or network (for example 127.0.0.1 or 10.0.0.0/8)"
            ) from None
    return tuple(networks)


def trusted_networks():
    """The networks of ``settings.TRUSTED_PROXIES``; ImproperlyConfigured names an entry that is not one."""
    return _networks(tuple(settings.TRUSTED_PROXIES))


def _is_trusted_proxy(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    ip = getattr(ip, "ipv4_mapped", None) or ip
    return any(ip in network for network in networks)


def client_address(request):
    """The client's address: REMOTE_ADDR, or behind trusted proxies the nearest address they did not write."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = trusted_networks()
    if not _is_trusted_proxy(remote, networks):
        return remote
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(forwarded):
        if not _is_trusted_proxy(hop, networks):
            return hop
    # Every hop is one of ours (a request from inside the proxies' network): the first is the origin.
    return forwarded[0] if forwarded else remote


def client_ip(request):
    """``client_address`` when it is a valid IP address, else None: the form django-axes stores."""
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
