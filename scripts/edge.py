"""`make edge`: the production shape on loopback, gunicorn behind nginx with the site's own nginx configuration.

A fresh temporary site (scripts/production_server.py) is served by gunicorn with deploy/gunicorn.conf.py,
and Debian's nginx runs deploy/nginx/ with only its addresses and folders replaced by local ones: it
listens on 127.0.0.1:PORT, serves the collected static files and uploads from the temporary folder, keeps
its page cache there, and passes the rest to gunicorn. Debug off, plain HTTP, a throwaway secret key
unless DJANGO_SECRET_KEY is set, the Redis cache when REDIS_URL is. Ctrl-C or SIGTERM stops both.
`make bench` and the deploy tests use `run_edge()`.
"""

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import NamedTuple

from scripts.production_server import ROOT, STARTUP_SECONDS, run_gunicorn, set_up_site, site_env, stop_with_parent

DEPLOY_NGINX = ROOT / "deploy" / "nginx"
# What deploy/nginx/ names on a server, and what stands in for it here (see `local_nginx_files`).
SERVER_APP_NGINX = "/srv/neutro/app/deploy/nginx"
SERVER_SITE_ROOT = "root /srv/neutro;"
SERVER_CACHE = "/var/cache/nginx/neutro"
SERVER_UPSTREAM = "server 127.0.0.1:8000;"
SERVER_LISTEN = "    listen 80;\n    listen [::]:80;\n"
SERVER_NAME = "server_name guide.example.org;"

# The parts of Debian's /etc/nginx/nginx.conf the site relies on, with every file nginx writes in the
# temporary folder. Access logs are off, so they cost no time in `make bench`.
MAIN_CONFIG = """\
daemon off;
worker_processes 2;
pid {nginx}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {nginx}/client-body;
    proxy_temp_path {nginx}/proxy;
    fastcgi_temp_path {nginx}/fastcgi;
    uwsgi_temp_path {nginx}/uwsgi;
    scgi_temp_path {nginx}/scgi;
    include {nginx}/neutro.conf;
}}
"""


class Edge(NamedTuple):
    url: str  # nginx: "http://127.0.0.1:<port>"
    gunicorn_url: str  # gunicorn itself, behind nginx
    env: dict  # gunicorn's environment, for manage.py commands against the same site
    directory: Path  # the temporary folder: database, static files, uploads, caches, logs


def nginx_command():
    """The path of Debian's nginx, or None where it is not installed."""
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    return found if os.access(found, os.X_OK) else None


def local_nginx_files(directory, port, gunicorn_port):
    """Write deploy/nginx/ into `directory`/nginx with its server addresses and folders replaced by local ones.

    Return the folder. Raise RuntimeError when a part to replace is missing: deploy/nginx/ changed and
    this script must follow it.
    """
    target = directory / "nginx"
    shutil.copytree(DEPLOY_NGINX, target)
    replacements = {
        SERVER_APP_NGINX: str(target),
        SERVER_SITE_ROOT: f"root {directory};",
        SERVER_CACHE: str(target / "cache"),
        SERVER_UPSTREAM: f"server 127.0.0.1:{gunicorn_port};",
        SERVER_LISTEN: f"    listen 127.0.0.1:{port};\n",
        SERVER_NAME: "server_name 127.0.0.1 localhost;",
    }
    site = (target / "neutro.conf").read_text()
    for server_value, local_value in replacements.items():
        if server_value not in site:
            raise RuntimeError(f"deploy/nginx/neutro.conf no longer contains {server_value!r}: update scripts/edge.py")
        site = site.replace(server_value, local_value)
    (target / "neutro.conf").write_text(site)
    for snippet in target.glob("*-headers.conf"):
        snippet.write_text(snippet.read_text().replace(SERVER_APP_NGINX, str(target)))
    (target / "nginx.conf").write_text(MAIN_CONFIG.format(nginx=target))
    return target


@contextlib.contextmanager
def run_nginx(nginx_folder, url):
    """Run nginx with `nginx_folder`/nginx.conf in the foreground; yield once `url` answers, stop it on the way out."""
    command = nginx_command()
    if command is None:
        raise RuntimeError("nginx is not installed: make nginx (or apt-get install nginx)")
    error_log = nginx_folder / "error.log"
    nginx = subprocess.Popen(
        [command, "-p", str(nginx_folder), "-c", str(nginx_folder / "nginx.conf"), "-e", str(error_log)],
        stdout=subprocess.DEVNULL,
        stderr=error_log.open("a"),
        preexec_fn=stop_with_parent,
    )
    try:
        wait_until_answering(url, nginx, error_log)
        yield
    finally:
        nginx.terminate()
        nginx.wait(timeout=30)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answering(url, nginx, log_path):
    """Return once `url` answers; kill `nginx` (a Popen) and raise RuntimeError with its log if it never does."""
    # nginx binds its own socket (it cannot be handed one as gunicorn is), so this asks until it answers.
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(url + "/robots.txt", timeout=5):
                return
        except (OSError, urllib.error.URLError):
            if nginx.poll() is not None or time.monotonic() > deadline:
                nginx.kill()
                raise RuntimeError(f"nginx did not start:\n{log_path.read_text()[-3000:]}") from None
            time.sleep(0.2)


@contextlib.contextmanager
def run_edge(port=None, workers=2, redis_url="", secret_key=""):
    """Set up a fresh site and serve it through nginx on 127.0.0.1:`port` (a free one when None); yield an Edge."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    # nginx's workers run as an unprivileged user when started as root: they must be able to read here.
    directory = Path(tempfile.mkdtemp(prefix="neutro-edge-"))
    try:
        directory.chmod(0o755)
        env = site_env(directory, redis_url)
        env.update(DJANGO_SITE_URL=url, DJANGO_TRUSTED_PROXIES="127.0.0.1")
        if secret_key:
            env["DJANGO_SECRET_KEY"] = secret_key
        set_up_site(env)
        workers_option = ("--workers", str(workers))
        with run_gunicorn(env, directory / "gunicorn.log", *workers_option) as gunicorn_url:
            nginx_folder = local_nginx_files(directory, port, gunicorn_url.rsplit(":", 1)[1])
            with run_nginx(nginx_folder, url):
                yield Edge(url, gunicorn_url, env, directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    arguments = parser.parse_args()
    # SIGTERM (from `kill`, or from make when it is stopped) unwinds like Ctrl-C, through the code that
    # stops gunicorn and nginx.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    print("Setting up a temporary site (migrate, import the bundled articles, collectstatic)...", flush=True)
    secret_key = os.environ.get("DJANGO_SECRET_KEY", "")
    with run_edge(arguments.port, redis_url=os.environ.get("REDIS_URL", ""), secret_key=secret_key) as edge:
        print(f"nginx at {edge.url}/ in front of gunicorn (2 workers) at {edge.gunicorn_url}/", flush=True)
        print(f"Site folder (database, static files, logs): {edge.directory}", flush=True)
        print("Ctrl-C stops both.", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
    print("Stopped nginx and gunicorn.")


if __name__ == "__main__":
    main()
