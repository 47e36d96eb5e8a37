"""The site as deployed: Debian's nginx with deploy/nginx/ in front of gunicorn (scripts/edge.py), started once
per test run on free loopback ports in a temporary folder.

Without nginx these tests skip with the reason (`make test` installs it with apt-get where it can),
except under CI=true, where they fail: CI never skips them.
"""

import http.client
import json
import os
from typing import NamedTuple
from urllib.parse import urlsplit

import pytest

from scripts.edge import nginx_command, run_edge
from scripts.production_server import manage

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


def fetch(url, path="/", method="GET", headers=None, body=None, source="127.0.0.1"):
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


@pytest.fixture(scope="session")
def edge():
    """nginx in front of gunicorn (2 workers), serving a fresh site with the bundled articles: an Edge."""
    if nginx_command() is None:
        reason = "nginx is not installed (make test installs it with apt-get where it can)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: CI must run the deploy tests")
        pytest.skip(reason)
    with run_edge(workers=2) as served:
        yield served


@pytest.fixture(scope="session")
def stylesheet(edge):
    """The address of the site's stylesheet under its hashed name, as pages link to it."""
    manifest = json.loads((edge.directory / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


@pytest.fixture(scope="session")
def site_shell(edge):
    """Run Python code with the site's models, in the served site's database (`manage.py shell -c`)."""

    def run(code):
        return manage(edge.env, "shell", "-c", code)

    return run
