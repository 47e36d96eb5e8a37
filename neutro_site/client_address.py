"""The visitor's own address when the site runs behind its proxies (DJANGO_TRUSTED_PROXIES).

nginx connects to gunicorn itself, so REMOTE_ADDR is nginx's address and the visitor's is in the
X-Forwarded-For header nginx sets. That header is believed only when the connection came from a trusted
proxy, and only as far as trusted proxies wrote it (from the right), so a client cannot choose its own
address by sending the header. The middleware puts the result in REMOTE_ADDR, where django-axes and
every throttle read it.
"""

import ipaddress

from django.conf import settings


def parse_networks(addresses):
    """Return `addresses` (such as "127.0.0.1", "10.0.0.0/8") as ip_network objects; raise ValueError for a typo."""
    return [ipaddress.ip_network(address.strip(), strict=False) for address in addresses]


def client_address(remote_addr, forwarded_for, trusted_networks):
    """Return the client's address: `remote_addr`, or when that is a trusted proxy, the rightmost address of
    `forwarded_for` (an X-Forwarded-For value) that no trusted proxy wrote.

    An entry that is not an IP address ends the walk: the last trusted hop is then the best answer.
    """
    hops = [hop.strip() for hop in forwarded_for.split(",")] if forwarded_for else []
    address = remote_addr
    while hops and is_trusted(address, trusted_networks):
        hop = hops.pop()
        if not is_address(hop):
            break
        address = hop
    return address


def is_address(value):
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def is_trusted(address, trusted_networks):
    return is_address(address) and any(ipaddress.ip_address(address) in network for network in trusted_networks)


class ClientAddressMiddleware:
    """Set REMOTE_ADDR to the client's address from X-Forwarded-For when a trusted proxy sent the request."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted_networks = parse_networks(settings.TRUSTED_PROXIES)

    def __call__(self, request):
        if self.trusted_networks:
            request.META["REMOTE_ADDR"] = client_address(
                request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_X_FORWARDED_FOR", ""), self.trusted_networks
            )
        return self.get_response(request)
