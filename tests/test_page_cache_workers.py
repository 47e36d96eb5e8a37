"""The page cache under gunicorn with two workers: pages are served from the shared cache, an edit made
in another process shows in every worker at once, and browsers get 304s and gzip over real HTTP.

Uses Redis when REDIS_URL is set (as CI does), the file cache otherwise.
"""

import gzip
import os
import urllib.error
import urllib.request

import pytest

from scripts.production_server import headings, manage, serve

URL_PATH = "/articles/fever/"
REQUESTS = 40


@pytest.fixture(scope="module")
def two_workers():
    with serve(workers=2, redis_url=os.environ.get("REDIS_URL", "")) as server:
        yield server


def titles(server):
    return headings(server.url + URL_PATH, REQUESTS)


def shell(server, code):
    manage(server.env, "shell", "--command", "from articles.models import Article\n" + code)


def test_an_edit_in_another_process_shows_in_every_worker_at_once(two_workers):
    original = titles(two_workers)
    assert len(original) == 1
    # Changed behind Django's back (no signal): the workers keep serving the cached page.
    shell(two_workers, "Article.objects.filter(slug='fever').update(title='Quiet change')")
    assert titles(two_workers) == original
    # Saved as the admin saves, in a process that is neither worker.
    shell(
        two_workers,
        "article = Article.objects.get(slug='fever')\narticle.title = 'Fever: act fast'\narticle.save()",
    )
    assert titles(two_workers) == {"Fever: act fast"}


def test_gunicorn_answers_304_to_a_browser_whose_copy_is_current(two_workers):
    with urllib.request.urlopen(two_workers.url + "/articles/causes/", timeout=10) as response:
        etag, last_modified = response.headers["ETag"], response.headers["Last-Modified"]
    for header, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified)):
        request = urllib.request.Request(two_workers.url + "/articles/causes/", headers={header: value})
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(request, timeout=10)
        assert answer.value.code == 304, header
        assert answer.value.headers["X-Content-Type-Options"] == "nosniff"


def test_gunicorn_sends_the_cached_page_gzipped(two_workers):
    request = urllib.request.Request(two_workers.url + "/", headers={"Accept-Encoding": "gzip"})
    for _ in range(2):  # the first answer keeps the page, the second comes from the cache
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert b"<h1>" in gzip.decompress(response.read())
