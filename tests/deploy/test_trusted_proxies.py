"""The client's address behind trusted proxies (neutro_site/client_address.py): pure rules, then the middleware
with axes, through the test client (tests/deploy/test_client_address.py tries it through nginx)."""

import pytest
from axes.models import AccessAttempt

from neutro_site.client_address import client_address, parse_networks

NGINX = parse_networks(["127.0.0.1"])
TWO_PROXIES = parse_networks(["127.0.0.1", "10.0.0.0/8"])


@pytest.mark.parametrize(
    ("remote_addr", "forwarded_for", "trusted", "client"),
    [
        # nginx replaces the header with the address it saw.
        ("127.0.0.1", "203.0.113.7", NGINX, "203.0.113.7"),
        # A header that came from anyone but a trusted proxy means nothing.
        ("198.51.100.2", "203.0.113.7", NGINX, "198.51.100.2"),
        ("127.0.0.1", "203.0.113.7", [], "127.0.0.1"),
        # Appended by a proxy: the client's own claim (left) is ignored, the proxy's (right) is believed.
        ("127.0.0.1", "192.0.2.66, 203.0.113.7", NGINX, "203.0.113.7"),
        # Walked past every trusted proxy, from the right.
        ("127.0.0.1", "192.0.2.66, 203.0.113.7, 10.1.2.3", TWO_PROXIES, "203.0.113.7"),
        # Something that is not an address ends the walk at the last trusted hop.
        ("127.0.0.1", "unknown", NGINX, "127.0.0.1"),
        ("127.0.0.1", "", NGINX, "127.0.0.1"),
        ("127.0.0.1", "2001:db8::1", NGINX, "2001:db8::1"),
    ],
)
def test_the_client_is_the_first_address_no_trusted_proxy_wrote(remote_addr, forwarded_for, trusted, client):
    assert client_address(remote_addr, forwarded_for, trusted) == client


def test_a_typo_in_the_trusted_proxies_stops_the_site():
    with pytest.raises(ValueError, match=r"127\.0\.0\.300"):
        parse_networks(["127.0.0.300"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("trusted", "seen"), [(["127.0.0.1"], "203.0.113.7"), ([], "127.0.0.1")], ids=["trusted", "not trusted"]
)
def test_axes_records_the_address_the_middleware_found(client, settings, trusted, seen):
    settings.TRUSTED_PROXIES = trusted
    client.post(
        "/admin/login/?next=/admin/",
        {"username": "someone", "password": "wrong"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [seen]
