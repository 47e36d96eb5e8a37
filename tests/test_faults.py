"""The database goes away under a running gunicorn: readers get pages already cached, or else the friendly
503 page; the load balancer's /healthz says 503, the count checker keeps working, and when the database
returns the site recovers by itself with every committed edit still there.

On SQLite the fault is another process holding an exclusive lock on the database file; on PostgreSQL
(when DATABASE_URL names one) it is the database refusing connections after its sessions are terminated.
"""

import http.cookiejar
import os
import re
import sqlite3
import urllib.parse
import urllib.request
from contextlib import contextmanager

import pytest

from scripts.production_server import run_gunicorn, set_up_site
from tests.html_tree import parse
from tests.test_production import fetch, manage, production_env

# One worker, so every request meets the same persistent connection; long enough for SQLite's 5 s wait.
GUNICORN_OPTIONS = ["--workers", "1", "--timeout", "60"]
EDITED_TITLE = "Preventing infections (edited before the fault)"


class Browser:
    """A tiny HTTP client with cookies, enough to post the checker form with its CSRF token."""

    def __init__(self, base):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        url = self.base + path
        return fetch(url, opener=self.opener, data=body, headers={"Referer": url}, timeout=30)

    def check_count(self):
        """Fetch the checker form, then post a count with the form's CSRF token; return the answer."""
        _, _, html = self.request("/neutrophil-count/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        form = {
            "csrfmiddlewaretoken": token,
            "unit": "cells_per_ul",
            "anc": "1200",
            "age_group": "adult",
            "temperature_unit": "c",
        }
        return self.request("/neutrophil-count/", form)


@contextmanager
def sqlite_locked(path):
    """Hold an exclusive lock on the SQLite file at `path`: no other connection can read or write it."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def postgres_server_url():
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def admin_connection(server_url):
    import psycopg

    parts = urllib.parse.urlsplit(server_url)
    return psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True)


@contextmanager
def postgres_refusing(server_url, name):
    """Make database `name` refuse connections and end every session it has, then let it back in."""
    with admin_connection(server_url) as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
        try:
            yield
        finally:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')


@pytest.fixture(params=["sqlite", "postgresql"])
def site(request, tmp_path):
    """A migrated, imported site under gunicorn, and a context manager that takes its database away."""
    if request.param == "sqlite":
        path = tmp_path / "site.sqlite3"
        env = production_env(tmp_path, DATABASE_URL=f"sqlite:///{path}")
        fault = lambda: sqlite_locked(path)  # noqa: E731
        drop = None
    else:
        server_url = postgres_server_url()
        if server_url is None:
            pytest.skip("PostgreSQL fault test: set DATABASE_URL to a PostgreSQL database")
        name = urllib.parse.urlsplit(server_url).path.lstrip("/") + "_faults"
        with admin_connection(server_url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        site_url = urllib.parse.urlsplit(server_url)._replace(path="/" + name).geturl()
        env = production_env(tmp_path, DATABASE_URL=site_url)
        fault = lambda: postgres_refusing(server_url, name)  # noqa: E731

        def drop():
            with admin_connection(server_url) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    set_up_site(env)
    log_path = tmp_path / "gunicorn.log"
    with run_gunicorn(env, log_path, *GUNICORN_OPTIONS) as url:
        yield env, Browser(url), fault
    if drop:
        drop()
    # What gunicorn logged during the outage: the path and the error's class, never a traceback.
    assert "Traceback" not in log_path.read_text()


def edit_title(env, slug, title):
    """Change an article's title in its own committed transaction, as an editor's save does."""
    code = f"from articles.models import Article; a = Article.objects.get(slug={slug!r}); a.title = {title!r}; a.save()"
    result = manage(env, "shell", "-c", code)
    assert result.returncode == 0, result.stderr


def test_outage_shows_the_friendly_page_then_recovers_with_edits_intact(site):
    env, browser, fault = site
    edit_title(env, "precautions", EDITED_TITLE)
    status, _, html = browser.request("/articles/precautions/")
    assert (status, parse(html).find("h1").text()) == (200, EDITED_TITLE)

    with fault():
        # A page already in the page cache is still read from it; one that is not needs the database.
        status, _, html = browser.request("/articles/precautions/")
        assert (status, parse(html).find("h1").text()) == (200, EDITED_TITLE)

        status, headers, html = browser.request("/articles/causes/")
        assert status == 503
        assert parse(html).find("h1").text() == "This page is unavailable for a moment"
        assert headers["Retry-After"] == "30"
        assert "no-store" in headers["Cache-Control"]
        assert "Content-Security-Policy" in headers

        status, _, body = browser.request("/healthz")
        assert (status, body) == (503, "database unavailable\n")

        status, _, html = browser.check_count()
        assert status == 200, "the count checker needs no database"
        summary = parse(html).find("section", class_="result-summary")
        assert summary.attrs["data-anc"] == "1200"

    status, _, body = browser.request("/healthz")
    assert (status, body) == (200, "ok\n")
    status, _, html = browser.request("/articles/precautions/")
    assert (status, parse(html).find("h1").text()) == (200, EDITED_TITLE)
