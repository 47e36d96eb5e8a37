"""The site under gunicorn with debug off, as production runs it (tests/deploy/conftest.py): pages, hashed
and compressed static files, friendly errors, hostile raw requests, and the page cache shared by both
workers: an edit made in another process shows in every worker at once, 304s and gzip over real HTTP."""

import gzip
import re
import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest

from scripts.production_server import manage

pytestmark = pytest.mark.slow

REQUESTS = 40


def test_gunicorn_serves_the_guide_with_debug_off(production_site, fetch):
    status, _, html = fetch(production_site.url + "/")
    assert status == 200
    assert "/articles/overview/" in html
    status, _, html = fetch(production_site.url + "/articles/treatment/")
    assert status == 200
    assert "<h1>Treating neutropenia</h1>" in html


def test_static_files_have_hashed_names_compression_and_far_future_caching(production_site, fetch):
    _, _, html = fetch(production_site.url + "/")
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, "the stylesheet link should carry a content hash"
    request = urllib.request.Request(production_site.url + stylesheet.group(1), headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        assert response.headers["Content-Encoding"] == "gzip"
        assert "max-age=315360000" in response.headers["Cache-Control"]
        assert "immutable" in response.headers["Cache-Control"]


def test_errors_show_the_friendly_page_without_debug_details(production_site, fetch):
    status, _, html = fetch(production_site.url + "/articles/does-not-exist/")
    assert status == 404
    assert "Page not found" in html
    assert "Traceback" not in html
    assert "URLconf" not in html


def raw_status(base, path):
    """Send `path` byte for byte, as an attacker's client would, and return the status gunicorn answers."""
    parts = urlsplit(base)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return int(answer.split(b" ", 2)[1])


# Addresses the test client cannot send as they are (tests/deploy/test_hostile_urls.py sends the rest),
# against collectstatic's files, which whitenoise serves in production.
RAW_HOSTILE_PATHS = [
    "/static/../neutro_site/settings.py",
    "/static/%2e%2e/%2e%2e/neutro_site/settings.py",
    "/static/..%2F..%2Fneutro_site%2Fsettings.py",
    "/static/css/..%2F..%2F..%2Fmanage.py",
    "/static/css/site.css%00",
    "/static//etc/passwd",
    "/media/../../etc/passwd",
    "/media/..%2F..%2Fetc%2Fpasswd",
    "/articles/a%00b/",
    "/articles/a%2Fb/",
    "/articles/%FF%FE/",
    "/articles/" + "a" * 4000 + "/",
]


def test_hostile_raw_requests_are_refused_and_real_pages_answer(production_site):
    answers = {path: raw_status(production_site.url, path) for path in RAW_HOSTILE_PATHS}
    assert {path: status for path, status in answers.items() if status not in {400, 404}} == {}
    assert raw_status(production_site.url, "/articles/overview/") == 200


def titles(url):
    """Fetch `url` REQUESTS times, eight at a time so both workers answer; return the set of <h1> texts."""

    def fetch_title(_):
        with urllib.request.urlopen(url, timeout=30) as response:
            return re.search(r"<h1>(.*?)</h1>", response.read().decode())[1]

    with ThreadPoolExecutor(max_workers=8) as pool:
        return set(pool.map(fetch_title, range(REQUESTS)))


def shell(site, code):
    manage(site.env, "shell", "--command", "from articles.models import Article\n" + code)


def test_an_edit_in_another_process_shows_in_every_worker_at_once(production_site):
    url = production_site.url + "/articles/fever/"
    shell(production_site, "article = Article.objects.get(slug='fever')\narticle.title = 'Fever'\narticle.save()")
    assert titles(url) == {"Fever"}
    # Changed behind Django's back (no signal): the workers keep serving the cached page.
    shell(production_site, "Article.objects.filter(slug='fever').update(title='Quiet change')")
    assert titles(url) == {"Fever"}
    # Saved as the admin saves, in a process that is neither worker.
    shell(
        production_site,
        "article = Article.objects.get(slug='fever')\narticle.title = 'Fever: act fast'\narticle.save()",
    )
    assert titles(url) == {"Fever: act fast"}


def test_gunicorn_answers_304_to_a_browser_whose_copy_is_current(production_site):
    url = production_site.url + "/articles/causes/"
    with urllib.request.urlopen(url, timeout=10) as response:
        etag, last_modified = response.headers["ETag"], response.headers["Last-Modified"]
    for header, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified)):
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(urllib.request.Request(url, headers={header: value}), timeout=10)
        assert answer.value.code == 304, header
        assert answer.value.headers["X-Content-Type-Options"] == "nosniff"


def test_gunicorn_sends_the_cached_page_gzipped(production_site):
    request = urllib.request.Request(production_site.url + "/", headers={"Accept-Encoding": "gzip"})
    for _ in range(2):  # the first answer keeps the page, the second comes from the cache
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert b"<h1>" in gzip.decompress(response.read())
