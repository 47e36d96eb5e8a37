"""The site as an operator runs it: environment variables, then migrate, import, collectstatic, gunicorn."""

import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scripts.production_server import serve, site_env

ROOT = Path(__file__).resolve().parent.parent


def production_env(tmp_path, **extra):
    return {**site_env(tmp_path), **extra}


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def fetch(url, *, opener=None, data=None, headers=None, timeout=10):
    """Request `url` (a POST when `data` is given) and return (status, headers, text), errors included."""
    opener = opener or urllib.request.build_opener()
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_debug_off_without_a_secret_key_stops_with_a_clear_message(tmp_path):
    env = production_env(tmp_path)
    del env["DJANGO_SECRET_KEY"]
    result = manage(env, "check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_on_runs_without_a_secret_key(tmp_path):
    env = production_env(tmp_path, DJANGO_DEBUG="1")
    del env["DJANGO_SECRET_KEY"]
    assert manage(env, "check").returncode == 0


@pytest.fixture(scope="module")
def production_server():
    """The URL of a fresh site served by gunicorn (one worker) with debug off."""
    with serve(workers=1) as server:
        yield server.url


def test_gunicorn_serves_the_guide_with_debug_off(production_server):
    status, _, html = fetch(production_server + "/")
    assert status == 200
    assert "/articles/overview/" in html
    status, _, html = fetch(production_server + "/articles/precautions/")
    assert status == 200
    assert "<h1>Preventing infections</h1>" in html


def test_static_files_have_hashed_names_compression_and_far_future_caching(production_server):
    _, _, html = fetch(production_server + "/")
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, "the stylesheet link should carry a content hash"
    request = urllib.request.Request(production_server + stylesheet.group(1), headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        assert response.headers["Content-Encoding"] == "gzip"
        assert "max-age=315360000" in response.headers["Cache-Control"]
        assert "immutable" in response.headers["Cache-Control"]


def test_errors_show_the_friendly_page_without_debug_details(production_server):
    status, _, html = fetch(production_server + "/articles/does-not-exist/")
    assert status == 404
    assert "Page not found" in html
    assert "Traceback" not in html
    assert "URLconf" not in html
