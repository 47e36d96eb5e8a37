"""Requests as the deploy tests send them: from a chosen loopback address, with exactly the headers given."""

import http.client
import socket
from typing import NamedTuple
from urllib.parse import urlsplit

# Every security header the site sends, but the Content-Security-Policy (compared directive by directive).
SECURITY_HEADERS = [
    "Permissions-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
]


class Answer(NamedTuple):
    status: int
    headers: http.client.HTTPMessage  # case-insensitive: answer.headers["content-type"]
    body: bytes

    @property
    def text(self):
        return self.body.decode()


def send(url, path="/", method="GET", headers=None, body=None, source="127.0.0.1"):
    """Send one request to `url` (scheme, host and port) for `path` from the loopback address `source`.

    Only the headers given are sent besides Host (unless given) and Accept-Encoding: identity (unless
    given), so each test says exactly what a client sends.
    """
    address = urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30, source_address=(source, 0))
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


def policy(value):
    """A Content-Security-Policy as {directive: sources}, whatever order it was written in."""
    directives = (part.split() for part in value.split(";") if part.strip())
    return {name: sorted(sources) for name, *sources in directives}


def send_raw(url, path):
    """Send `path` byte for byte (no client tidies it first), as an attacker's client would; return the raw answer."""
    address = urlsplit(url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer
