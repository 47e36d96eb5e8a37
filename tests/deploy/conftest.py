"""The site as an operator runs it, shared by the deploy tests: one gunicorn with 2 workers for the whole
test run, on SQLite, or on a PostgreSQL database of its own when DATABASE_URL names a PostgreSQL server;
with Redis as its cache when REDIS_URL is set (as in CI), the file cache otherwise.

Tests that change the site's articles change ones no other test reads, or set what they read first.
"""

import contextlib
import os
import sqlite3
import urllib.error
import urllib.parse
import urllib.request

import pytest

from scripts.production_server import serve


def postgres_server_url():
    """DATABASE_URL when it names a PostgreSQL server, else None."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def admin_connection(server_url):
    """An autocommit connection to the server's own "postgres" database, to create and drop databases."""
    import psycopg

    parts = urllib.parse.urlsplit(server_url)
    return psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True)


def recreate_database(server_url, name):
    with admin_connection(server_url) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


@pytest.fixture(scope="session")
def site_database():
    """(DATABASE_URL for the served site, or "" for SQLite in its folder; the PostgreSQL database's name)."""
    server_url = postgres_server_url()
    if server_url is None:
        yield "", None
        return
    name = urllib.parse.urlsplit(server_url).path.lstrip("/") + "_site"
    recreate_database(server_url, name)
    yield urllib.parse.urlsplit(server_url)._replace(path="/" + name).geturl(), name
    with admin_connection(server_url) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def production_site(site_database):
    """A fresh site served by gunicorn (2 workers, debug off), shared by every test of the run: a
    scripts.production_server.Server (url, env for manage.py, directory with gunicorn.log)."""
    database_url, _ = site_database
    with serve(workers=2, redis_url=os.environ.get("REDIS_URL", ""), database_url=database_url) as server:
        yield server


def fetch_url(url, *, opener=None, data=None, headers=None, timeout=30):
    opener = opener or urllib.request.build_opener()
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture
def fetch():
    """fetch(url, opener=None, data=None, headers=None): request `url` (a POST when `data` is given) and
    return (status, headers, text), error answers included."""
    return fetch_url


@pytest.fixture
def database_outage(production_site, site_database):
    """A context manager that takes the served site's database away while it is open.

    On SQLite another connection holds an exclusive lock on the file; on PostgreSQL the database refuses
    connections and its sessions are ended. Either way it comes back on the way out.
    """
    _, postgres_name = site_database

    @contextlib.contextmanager
    def sqlite_locked():
        holder = sqlite3.connect(production_site.directory / "site.sqlite3", isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()

    @contextlib.contextmanager
    def postgres_refusing():
        with admin_connection(postgres_server_url()) as admin:
            admin.execute(f'ALTER DATABASE "{postgres_name}" ALLOW_CONNECTIONS false')
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [postgres_name])
            try:
                yield
            finally:
                admin.execute(f'ALTER DATABASE "{postgres_name}" ALLOW_CONNECTIONS true')

    return postgres_refusing if postgres_name else sqlite_locked
