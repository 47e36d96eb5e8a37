"""The site run as production runs it, on loopback: for `make bench`, `make audit` and the gunicorn tests.

A temporary directory holds an SQLite database with the bundled articles, the collected static files,
uploads and the file cache. gunicorn serves it with debug off, over plain HTTP, with a throwaway key.
"""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 60


class Server(NamedTuple):
    url: str  # "http://127.0.0.1:<port>"
    env: dict  # the environment gunicorn runs with, for manage.py commands against the same site
    directory: Path  # the temporary directory holding its database, static files and cache


def site_env(directory, redis_url=""):
    """Return the environment of a production-like site kept in `directory` (Redis cache when `redis_url`)."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="0",
        DJANGO_SECRET_KEY="a-throwaway-key-for-production-like-local-runs-0123456789",
        DATABASE_URL=f"sqlite:///{directory / 'site.sqlite3'}",
        DJANGO_STATIC_ROOT=str(directory / "static"),
        DJANGO_MEDIA_ROOT=str(directory / "media"),
        DJANGO_CACHE_DIR=str(directory / "cache"),
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def manage(env, *args):
    """Run a manage.py command with `env`; raise RuntimeError with its output when it fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def set_up_site(env):
    """Migrate the site configured by `env`, import the bundled articles and collect its static files."""
    for command in (["migrate", "--noinput"], ["import_articles"], ["import_glossary"], ["collectstatic", "--noinput"]):
        manage(env, *command)


@contextlib.contextmanager
def run_gunicorn(env, log_path, *options):
    """Serve the site configured by `env` with gunicorn on a free loopback port, its output in `log_path`;
    yield its URL once it answers, and stop it on the way out. `options` go to gunicorn."""
    port = free_port()
    with log_path.open("w") as log:
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "neutro_site.wsgi", "--bind", f"127.0.0.1:{port}", *options],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_serving(url, gunicorn, log_path)
            yield url
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)


@contextlib.contextmanager
def serve(workers=2, redis_url=""):
    """Set up a fresh site and serve it with gunicorn; yield a Server, and stop gunicorn on the way out."""
    with tempfile.TemporaryDirectory(prefix="neutro-site-") as name:
        directory = Path(name)
        env = site_env(directory, redis_url)
        set_up_site(env)
        with run_gunicorn(env, directory / "gunicorn.log", "--workers", str(workers)) as url:
            yield Server(url, env, directory)


def wait_until_serving(url, gunicorn, log_path):
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(url + "/robots.txt", timeout=5):
                return
        except (OSError, urllib.error.URLError):
            if gunicorn.poll() is not None or time.monotonic() > deadline:
                gunicorn.kill()
                raise RuntimeError("gunicorn did not start:\n" + log_path.read_text()[-3000:]) from None
            time.sleep(0.2)
