"""The whole-page cache, through the test client: what is kept, what never is, and how an edit clears it.

A page served from the cache makes no database query, which is how these tests tell a cached answer
from a freshly rendered one.
"""

import gzip
import re
import time

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from django.utils.http import http_date, parse_http_date

from articles.models import Article
from page_cache.invalidation import GENERATION_KEY

pytestmark = pytest.mark.django_db

# Port 9 (discard) has no Redis listening: every cache call fails as it does when Redis is down.
UNREACHABLE_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
}
CACHED_PAGES = ["/", "/articles/overview/", "/sitemap.xml", "/feed/", "/robots.txt"]


@pytest.fixture
def guide(make_article):
    overview = make_article(title="Overview", slug="overview", position=1)
    causes = make_article(title="Causes", slug="causes", position=2)
    overview.related.set([causes])
    return {"overview": overview, "causes": causes}


def visitor():
    """A fresh browser: no cookies."""
    return Client()


def title_of(response):
    return re.search(r"<h1>(.*?)</h1>", response.content.decode())[1]


@pytest.mark.parametrize("url", CACHED_PAGES)
def test_a_public_page_is_served_from_the_cache_the_second_time(guide, url, django_assert_num_queries):
    first = visitor().get(url)
    with django_assert_num_queries(0):
        second = visitor().get(url)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_cached_page_keeps_the_security_headers(guide):
    visitor().get("/articles/overview/")
    cached = visitor().get("/articles/overview/")
    assert cached["X-Content-Type-Options"] == "nosniff"
    assert cached["Referrer-Policy"] == "same-origin"
    assert cached["Cross-Origin-Opener-Policy"] == "same-origin"
    assert cached["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("kept", [False, True], ids=["first answer", "cached answer"])
def test_a_public_page_is_sent_gzipped_to_browsers_that_take_it(guide, kept):
    plain = visitor().get("/articles/overview/")
    if kept:
        visitor().get("/articles/overview/")
    compressed = visitor().get("/articles/overview/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert int(compressed["Content-Length"]) == len(compressed.content) < len(plain.content) / 2
    assert compressed["Vary"] == plain["Vary"]
    assert "Accept-Encoding" in plain["Vary"]
    assert "Content-Encoding" not in plain


def test_pages_are_served_uncached_while_the_cache_is_down(guide, settings):
    settings.CACHES = UNREACHABLE_CACHE
    response = visitor().get("/articles/overview/")
    assert response.status_code == 200
    assert title_of(response) == "Overview"


def test_an_edit_is_saved_while_the_cache_is_down(guide, settings, caplog):
    settings.CACHES = UNREACHABLE_CACHE
    guide["overview"].title = "Overview, revised"
    guide["overview"].save()
    assert Article.objects.get(slug="overview").title == "Overview, revised"
    assert "cached pages could not be cleared" in caplog.text


def test_saving_an_article_shows_in_the_next_request(guide):
    visitor().get("/articles/overview/")
    guide["overview"].title = "Overview, revised"
    guide["overview"].save()
    assert title_of(visitor().get("/articles/overview/")) == "Overview, revised"


def test_an_edit_shows_through_a_process_that_served_the_page_before(guide, client):
    # One test client is one handler with one middleware instance, as one gunicorn worker has.
    client.get("/articles/overview/")
    client.get("/articles/overview/")
    guide["overview"].title = "Overview, revised"
    guide["overview"].save()
    assert title_of(client.get("/articles/overview/")) == "Overview, revised"


def test_saving_an_article_refreshes_every_page_that_lists_it(guide):
    for url in ("/", "/articles/overview/", "/feed/"):
        visitor().get(url)
    guide["causes"].title = "Why counts fall"
    guide["causes"].save()
    for url in ("/", "/articles/overview/", "/feed/"):
        assert "Why counts fall" in visitor().get(url).content.decode(), url


def test_deleting_an_article_removes_its_cached_page(guide):
    visitor().get("/articles/causes/")
    guide["causes"].delete()
    assert visitor().get("/articles/causes/").status_code == 404


def test_unpublishing_an_article_removes_its_cached_page(guide):
    visitor().get("/articles/causes/")
    guide["causes"].status = Article.Status.DRAFT
    guide["causes"].save()
    assert visitor().get("/articles/causes/").status_code == 404


@pytest.mark.parametrize("change", ["remove", "add"])
def test_changing_related_links_shows_in_the_next_request(guide, make_article, change):
    extra = make_article(title="Treatment", slug="treatment", position=3)
    visitor().get("/articles/overview/")
    if change == "remove":
        guide["overview"].related.remove(guide["causes"])
        expected, gone = None, "Causes"
    else:
        guide["overview"].related.add(extra)
        expected, gone = "Treatment", None
    related = related_section(visitor().get("/articles/overview/"))
    if expected:
        assert expected in related
    if gone:
        assert gone not in related


def related_section(response):
    html = response.content.decode()
    found = re.search(r'<nav class="related".*?</nav>', html, re.S)
    return found[0] if found else ""


def test_a_save_is_cleared_again_when_its_transaction_commits(guide, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        guide["overview"].title = "Overview, revised"
        guide["overview"].save()
        # Another worker renders the page from the rows it can see before the commit: the old title.
        Article.objects.filter(pk=guide["overview"].pk).update(title="Overview")
        assert title_of(visitor().get("/articles/overview/")) == "Overview"
    Article.objects.filter(pk=guide["overview"].pk).update(title="Overview, revised")
    for callback in callbacks:
        callback()
    assert title_of(visitor().get("/articles/overview/")) == "Overview, revised"


def test_the_cache_key_holds_the_host_that_canonical_links_come_from(guide):
    visitor().get("/articles/overview/", HTTP_HOST="127.0.0.1")
    other_host = visitor().get("/articles/overview/", HTTP_HOST="localhost")
    assert '<link rel="canonical" href="http://localhost/articles/overview/">' in other_host.content.decode()


def test_a_page_with_a_query_string_is_not_cached(guide):
    visitor().get("/articles/overview/?from=newsletter")
    Article.objects.filter(slug="overview").update(title="Changed quietly")
    assert title_of(visitor().get("/articles/overview/?from=newsletter")) == "Changed quietly"


def test_a_not_found_page_is_not_cached(guide):
    assert visitor().get("/articles/later/").status_code == 404
    Article.objects.filter(slug="causes").update(slug="later")
    assert visitor().get("/articles/later/").status_code == 200


# What is never cached.


def staff_client():
    editor = User.objects.create_user("editor", password="a-long-password-for-tests", is_staff=True)
    client = Client()
    client.force_login(editor)
    return client


def test_a_logged_in_editor_never_gets_a_cached_page(guide):
    visitor().get("/articles/overview/")
    Article.objects.filter(slug="overview").update(title="Changed quietly")
    assert title_of(staff_client().get("/articles/overview/")) == "Changed quietly"
    assert title_of(visitor().get("/articles/overview/")) == "Overview"


def test_a_logged_in_editors_page_is_never_kept_for_others(guide):
    staff_client().get("/articles/overview/")
    Article.objects.filter(slug="overview").update(title="Changed quietly")
    assert title_of(visitor().get("/articles/overview/")) == "Changed quietly"


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken"])
def test_a_request_with_a_session_or_csrf_cookie_is_neither_served_nor_kept(guide, cookie):
    visitor().get("/articles/overview/")
    Article.objects.filter(slug="overview").update(title="Changed quietly")
    with_cookie = Client()
    with_cookie.cookies[cookie] = "x" * 32
    assert title_of(with_cookie.get("/articles/overview/")) == "Changed quietly"
    Article.objects.filter(slug="overview").update(title="Changed again")
    with_cookie = Client()
    with_cookie.cookies[cookie] = "x" * 32
    assert title_of(with_cookie.get("/articles/overview/")) == "Changed again"


def form_token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def test_the_checker_page_with_its_form_token_is_never_cached(db):
    first, second = visitor().get("/neutrophil-count/"), visitor().get("/neutrophil-count/")
    assert form_token(first) != form_token(second)
    assert "csrftoken" in second.cookies
    assert "ETag" not in second


def test_a_checker_answer_is_never_cached(db):
    low = visitor().post("/neutrophil-count/", {"anc": "300", "unit": "cells_per_ul", "age_group": "adult"})
    normal = visitor().post("/neutrophil-count/", {"anc": "3000", "unit": "cells_per_ul", "age_group": "adult"})
    assert 'data-category="severe"' in low.content.decode()
    assert 'data-category="normal"' in normal.content.decode()


def test_search_is_never_cached(guide):
    visitor().get("/search/?q=overview")
    visitor().get("/search/")
    Article.objects.filter(slug="overview").update(title="Overview renamed")
    assert "Overview renamed" in visitor().get("/search/?q=overview").content.decode()


@pytest.mark.parametrize("url", ["/admin/login/", "/search/"])
def test_pages_outside_the_public_guide_carry_no_cache_validators(db, url):
    visitor().get(url)
    assert "ETag" not in visitor().get(url)


# Conditional requests.


@pytest.mark.parametrize("kept", [False, True], ids=["first answer", "cached answer"])
def test_public_pages_carry_validators_and_ask_browsers_to_revalidate(guide, kept):
    if kept:
        visitor().get("/articles/overview/")
    response = visitor().get("/articles/overview/")
    assert re.fullmatch(r'W/"[0-9a-f]{32}"', response["ETag"])
    assert response["Last-Modified"].endswith(" GMT")
    assert response["Cache-Control"] == "no-cache"


def test_if_none_match_with_the_current_etag_answers_304(guide, django_assert_num_queries):
    etag = visitor().get("/articles/overview/")["ETag"]
    with django_assert_num_queries(0):
        response = visitor().get("/articles/overview/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_if_modified_since_answers_304_until_the_page_changes(guide):
    # The last change was a minute ago (Last-Modified counts whole seconds: the edit falls in a later one).
    cache.set(GENERATION_KEY, f"{int(time.time()) - 60}-an-earlier-change", timeout=None)
    last_modified = visitor().get("/articles/overview/")["Last-Modified"]
    assert visitor().get("/articles/overview/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    a_second_older = http_date(parse_http_date(last_modified) - 1)
    assert visitor().get("/articles/overview/", HTTP_IF_MODIFIED_SINCE=a_second_older).status_code == 200
    guide["overview"].title = "Overview, revised"
    guide["overview"].save()
    response = visitor().get("/articles/overview/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 200
    assert title_of(response) == "Overview, revised"


def test_every_page_shares_the_time_of_the_last_change_as_last_modified(guide):
    before = visitor().get("/articles/overview/")["Last-Modified"]
    assert visitor().get("/")["Last-Modified"] == before
    assert visitor().get("/articles/overview/")["Last-Modified"] == before


def test_an_old_etag_gets_the_new_page_after_an_edit(guide):
    etag = visitor().get("/articles/overview/")["ETag"]
    guide["overview"].title = "Overview, revised"
    guide["overview"].save()
    response = visitor().get("/articles/overview/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert title_of(response) == "Overview, revised"
    assert response["ETag"] != etag


def test_the_first_request_with_a_matching_etag_answers_304_too(guide):
    etag = visitor().get("/articles/overview/")["ETag"]
    guide["causes"].save()  # clears the cache; the overview page renders the same bytes again
    assert visitor().get("/articles/overview/", HTTP_IF_NONE_MATCH=etag).status_code == 304


# Pages that vary on a request header (tests/urls.py).


@pytest.mark.urls("tests.urls")
def test_a_page_that_looks_at_the_visitor_is_kept_for_visitors_without_cookies(db):
    # Looking at request.user makes the session middleware add "Vary: Cookie".
    first = visitor().get("/looks-at-the-visitor/")
    second = visitor().get("/looks-at-the-visitor/")
    assert "Cookie" in first["Vary"]
    assert second.content == first.content
    assert second["Vary"] == first["Vary"] == "Cookie, Accept-Encoding"


@pytest.mark.urls("tests.urls")
@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "messages"])
def test_a_page_that_looks_at_the_visitor_is_not_served_to_a_request_with_a_cookie(db, cookie):
    kept = visitor().get("/looks-at-the-visitor/")
    with_cookie = Client()
    with_cookie.cookies[cookie] = "x"
    assert with_cookie.get("/looks-at-the-visitor/").content != kept.content


@pytest.mark.urls("tests.urls")
def test_a_page_that_varies_on_another_header_is_never_kept(db):
    first = visitor().get("/varies-on-language/", HTTP_ACCEPT_LANGUAGE="en")
    second = visitor().get("/varies-on-language/", HTTP_ACCEPT_LANGUAGE="fr")
    assert second.content != first.content
