"""nginx keeps the public pages the site marks as shared, never anything personal, and shows a change within 10 s."""

import gzip
import re
import time

import pytest

from tests.deploy.edge_client import send

pytestmark = pytest.mark.slow

# nginx keeps a page EDGE_CACHE_SECONDS (5) and serves it stale as long again while it fetches it anew.
CHANGE_SHOWS_WITHIN_SECONDS = 10


def title_of(answer):
    return re.search(r"<h1>(.*?)</h1>", answer.text)[1]


def twice(edge, path, **request):
    """Send the same request twice through nginx and return the second answer."""
    send(edge.url, path, **request)
    return send(edge.url, path, **request)


def test_a_public_page_is_kept_by_nginx(edge):
    first = send(edge.url, "/articles/causes/")
    second = send(edge.url, "/articles/causes/")
    assert second.headers["X-Cache-Status"] == "HIT"
    assert second.body == first.body
    assert second.headers["Cache-Control"] == "max-age=0, s-maxage=5, stale-while-revalidate=5"


def test_head_is_answered_from_nginx_cache(edge):
    page = twice(edge, "/articles/symptoms/")
    head = send(edge.url, "/articles/symptoms/", method="HEAD")
    assert head.status == 200
    assert head.headers["X-Cache-Status"] == "HIT"
    assert head.headers["ETag"] == page.headers["ETag"]
    assert head.body == b""


@pytest.mark.parametrize(
    ("accept_encoding", "gzipped"), [("gzip, deflate, br", True), ("gzip;q=0", False), ("identity", False)]
)
def test_a_kept_page_is_gzipped_only_for_browsers_that_take_it(edge, accept_encoding, gzipped):
    plain = twice(edge, "/articles/overview/", headers={"Accept-Encoding": "identity"})
    answer = twice(edge, "/articles/overview/", headers={"Accept-Encoding": accept_encoding})
    assert answer.headers["X-Cache-Status"] == "HIT"
    assert (answer.headers["Content-Encoding"] == "gzip") is gzipped
    assert (gzip.decompress(answer.body) if gzipped else answer.body) == plain.body


def test_a_cookie_the_site_does_not_look_at_still_gets_the_kept_page(edge):
    answer = twice(edge, "/articles/overview/", headers={"Cookie": "theme=dark"})
    assert answer.headers["X-Cache-Status"] == "HIT"


@pytest.mark.parametrize(
    ("path", "request_options"),
    [
        ("/articles/overview/", {"headers": {"Cookie": "sessionid=abc"}}),
        ("/articles/overview/", {"headers": {"Cookie": "theme=dark; csrftoken=abc"}}),
        ("/articles/overview/", {"headers": {"Cookie": "messages=abc"}}),
        ("/articles/overview/?from=newsletter", {}),
        ("/articles/overview/", {"method": "POST", "body": b"", "headers": {"Content-Length": "0"}}),
        ("/neutrophil-count/", {}),
        ("/search/?q=fever", {}),
        ("/admin/login/", {}),
        ("/editor/preview/", {}),
        ("/healthz", {}),
    ],
    ids=[
        "signed in",
        "form token",
        "flash message",
        "query string",
        "POST",
        "checker",
        "search",
        "admin",
        "preview",
        "health check",
    ],
)
def test_nginx_never_keeps_what_may_be_personal(edge, path, request_options):
    answer = twice(edge, path, **request_options)
    assert answer.headers["X-Cache-Status"] != "HIT"


def test_a_saved_change_shows_through_nginx_within_ten_seconds(edge, site_shell):
    assert twice(edge, "/articles/fever/").headers["X-Cache-Status"] == "HIT"
    site_shell(
        "from articles.models import Article\n"
        "article = Article.objects.get(slug='fever')\n"
        "article.title = 'Fever: revised'\n"
        "article.save()\n"
    )
    saved = time.monotonic()
    deadline = saved + CHANGE_SHOWS_WITHIN_SECONDS
    while title_of(send(edge.url, "/articles/fever/")) != "Fever: revised":
        assert time.monotonic() < deadline, f"the change did not show within {CHANGE_SHOWS_WITHIN_SECONDS} s"
        time.sleep(0.2)
