"""The site run as production runs it, on loopback: for `make bench`, `make audit`, `make loadtest` and
the gunicorn tests.

A temporary directory holds an SQLite database (or the PostgreSQL database named) with the bundled
articles, the collected static files, uploads and the file cache (or Redis). gunicorn serves it with
debug off, over plain HTTP, with a throwaway key.

From a shell (loadtest/run.sh):

    python -m scripts.production_server [--workers N] COMMAND [ARGUMENTS...]

serves a fresh site, runs COMMAND with SERVER_URL ("http://127.0.0.1:<port>") and SERVER_DIRECTORY (the
temporary directory) in its environment, stops the site, and exits with COMMAND's status.
"""

import argparse
import contextlib
import ctypes
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
PR_SET_PDEATHSIG = 1
STARTUP_SECONDS = 60


class Server(NamedTuple):
    url: str  # "http://127.0.0.1:<port>"
    env: dict  # the environment gunicorn runs with, for manage.py commands against the same site
    directory: Path  # the temporary directory holding its database, static files, cache and gunicorn.log


def site_env(directory, redis_url="", database_url=""):
    """Return the environment of a production-like site kept in `directory`: its SQLite database there
    unless `database_url` names another, the file cache there unless `redis_url` names a Redis."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="0",
        DJANGO_SECRET_KEY="a-throwaway-key-for-production-like-local-runs-0123456789",
        DATABASE_URL=database_url or f"sqlite:///{directory / 'site.sqlite3'}",
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


def stop_with_parent():
    """In a child process before it starts: have the kernel stop it if this script dies without stopping it."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def set_up_site(env):
    """Migrate the site configured by `env`, import the bundled articles and collect its static files."""
    for command in (["migrate", "--noinput"], ["import_articles"], ["import_glossary"], ["collectstatic", "--noinput"]):
        manage(env, *command)


@contextlib.contextmanager
def run_gunicorn(env, log_path, *options):
    """Serve the site configured by `env` with gunicorn (deploy/gunicorn.conf.py) on a free loopback port, its
    output in `log_path`; yield its URL once it answers, and stop it on the way out. `options` go to gunicorn."""
    # The socket is bound and listening before gunicorn starts (gunicorn takes it as fd://), so a request
    # sent early waits in the queue until a worker takes it: nothing polls for the server to come up.
    with socket.create_server(("127.0.0.1", 0)) as listening, log_path.open("w") as log:
        port = listening.getsockname()[1]
        gunicorn = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                str(GUNICORN_CONFIG),
                "-b",
                f"fd://{listening.fileno()}",
                *options,
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            pass_fds=[listening.fileno()],
            preexec_fn=stop_with_parent,
        )
        # Only gunicorn holds the socket now: if it fails to start, the first request is refused at once.
        listening.close()
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_serving(url, gunicorn, log_path)
            yield url
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)


@contextlib.contextmanager
def serve(workers=2, redis_url="", database_url=""):
    """Set up a fresh site and serve it with gunicorn; yield a Server, and stop gunicorn on the way out."""
    with tempfile.TemporaryDirectory(prefix="neutro-site-") as name:
        directory = Path(name)
        env = site_env(directory, redis_url, database_url)
        set_up_site(env)
        with run_gunicorn(env, directory / "gunicorn.log", "--workers", str(workers)) as url:
            yield Server(url, env, directory)


def headings(url, requests=40):
    """Fetch `url` `requests` times, eight at a time so that every worker answers; return the set of <h1> texts."""

    def fetch(_):
        with urllib.request.urlopen(url, timeout=10) as response:
            return re.search(r"<h1>(.*?)</h1>", response.read().decode())[1]

    with ThreadPoolExecutor(max_workers=8) as pool:
        return set(pool.map(fetch, range(requests)))


def wait_until_serving(url, gunicorn, log_path):
    """Return once gunicorn answers its first request; raise RuntimeError with its log if it cannot."""
    try:
        with urllib.request.urlopen(url + "/robots.txt", timeout=STARTUP_SECONDS):
            return
    except (OSError, urllib.error.URLError):
        gunicorn.kill()
        gunicorn.wait(timeout=30)
        raise RuntimeError("gunicorn did not start:\n" + log_path.read_text()[-3000:]) from None


def main(arguments=None):
    parser = argparse.ArgumentParser(prog="python -m scripts.production_server", description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command to run against the site")
    options = parser.parse_args(arguments)
    if not options.command:
        parser.error("name the command to run against the site")
    with serve(workers=options.workers) as server:
        env = {**os.environ, "SERVER_URL": server.url, "SERVER_DIRECTORY": str(server.directory)}
        return subprocess.run(options.command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
