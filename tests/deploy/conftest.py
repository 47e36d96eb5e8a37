"""The site as deployed: Debian's nginx with deploy/nginx/ in front of gunicorn (scripts/edge.py), started once
per test run on free loopback ports in a temporary folder.

Without nginx these tests skip with the reason (`make test` installs it with apt-get where it can),
except under CI=true, where they fail: CI never skips them.
"""

import json
import os

import pytest

from scripts.edge import nginx_command, run_edge
from scripts.production_server import manage


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
