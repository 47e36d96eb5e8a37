"""The page cache under gunicorn with two workers: pages are served from the shared cache, and an edit
made in another process shows in every worker at once.

Uses Redis when REDIS_URL is set (as CI does), the file cache otherwise.
"""

import os
import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from scripts.production_server import manage, serve

URL_PATH = "/articles/fever/"
REQUESTS = 40


@pytest.fixture(scope="module")
def two_workers():
    with serve(workers=2, redis_url=os.environ.get("REDIS_URL", "")) as server:
        yield server


def titles(server):
    """Fetch the page REQUESTS times, eight at a time so both workers answer; return the set of <h1> texts."""

    def fetch(_):
        with urllib.request.urlopen(server.url + URL_PATH, timeout=10) as response:
            return re.search(r"<h1>(.*?)</h1>", response.read().decode())[1]

    with ThreadPoolExecutor(max_workers=8) as pool:
        return set(pool.map(fetch, range(REQUESTS)))


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
