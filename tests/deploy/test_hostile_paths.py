"""Addresses that try to climb out of /static/ and /media/, now that nginx serves those folders itself."""

import pytest

from tests.deploy.edge_client import send_raw

pytestmark = pytest.mark.slow

HOSTILE_PATHS = [
    "/static/../neutro_site/settings.py",
    "/static/..%2F..%2Fneutro_site%2Fsettings.py",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/css/..%2F..%2F..%2Fmanage.py",
    "/static/css/site.css%00.txt",
    "/static//etc/passwd",
    "/static/../site.sqlite3",
    "/static/../gunicorn.log",
    "/static/../nginx/nginx.conf",
    "/media/../site.sqlite3",
    "/media/images/../../site.sqlite3",
    "/media/images/..%2F..%2Fsite.sqlite3",
    "/media/%2e%2e/%2e%2e/etc/passwd",
    "/errors/4xx.html",
    "/errors/../neutro.conf",
]


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_nginx_serves_nothing_outside_the_static_and_upload_folders(edge, path):
    answer = send_raw(edge.url, path)
    assert answer.split(b" ", 2)[1] in {b"400", b"404"}, answer[:80]
    for secret in (b"SECRET_KEY", b"root:", b"SQLite format", b"proxy_pass", b"Booting worker"):
        assert secret not in answer
