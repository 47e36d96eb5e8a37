"""Hostile addresses answer 404 (or a redirect to the slash-ended address), never a server error.

The ones the test client cannot send byte for byte go to gunicorn in tests/deploy/test_gunicorn.py.
"""

import pytest

pytestmark = pytest.mark.django_db

HOSTILE_PATHS = [
    "/articles/" + "a" * 5000 + "/",
    "/articles/" + "%41" * 3000 + "/",
    "/articles/overview%2F..%2F..%2Fadmin/",
    "/articles/a%2Fb/",
    "/articles/%2F/",
    "/articles/a%00b/",
    "/articles/%00/",
    "/%00",
    "/search%00/",
    "/articles/../../neutro_site/settings.py",
    "/articles/%2e%2e/%2e%2e/neutro_site/settings.py",
    "/static/../neutro_site/settings.py",
    "/static/%2e%2e/neutro_site/settings.py",
    "/static/..%2F..%2Fneutro_site%2Fsettings.py",
    "/static/..%5C..%5Cneutro_site%5Csettings.py",
    "/static/css/..%2F..%2F..%2Fmanage.py",
    "/static/%2e%2e%2f%2e%2e%2fmanage.py",
    "/static/css/site.css%00.txt",
    "/static/css/site.css/..",
    "/static//etc/passwd",
    "/media/../../etc/passwd",
    "/media/%2e%2e/%2e%2e/etc/passwd",
    "/media/..%2F..%2Fetc%2Fpasswd",
    "/articles/%C0%AE%C0%AE/",
    "/articles/%FF%FE/",
    "/articles/%ED%A0%80/",
    "/articles/ünïcödé/",
    "/articles/%F0%9F%92%A9/",
    "/articles/%E2%80%AEfdp.exe/",
    "/articles/\u202eevil/",
    "/articles/%EF%BC%8E%EF%BC%8E/",
    "/admin/%00/",
    "/admin/..%2F..%2F",
]


@pytest.fixture
def static_served(settings):
    """Whitenoise serves from the finders, as it would serve collected files."""
    settings.WHITENOISE_USE_FINDERS = True


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_hostile_addresses_are_not_found(client, make_article, static_served, path):
    make_article(slug="overview")
    response = client.get(path)
    assert response.status_code in {404, 301, 302}, f"{path[:80]} answered {response.status_code}"
    if response.status_code != 404:
        # A redirect only ever adds the slash or sends to the login page: followed, it is a 404 too.
        assert client.get(response["Location"]).status_code in {404, 200}
    assert b"Traceback" not in response.content


@pytest.mark.parametrize("path", ["/static/css/site.css", "/articles/overview/", "/admin/login/"])
def test_the_same_files_and_pages_answer_at_their_real_addresses(client, make_article, static_served, path):
    make_article(slug="overview")
    assert client.get(path).status_code == 200


# Query strings that are not valid text or not one value; hostile words are tests/articles/test_search.py's.
@pytest.mark.parametrize("query", ["q=%FF%FE", "q=%ED%A0%80", "q[]=a&q=b", "q=a&q=%00"])
def test_hostile_searches_get_an_answer_not_an_error(client, make_article, query):
    make_article()
    assert client.get(f"/search/?{query}").status_code == 200


def test_a_nul_byte_in_the_checker_form_gets_a_message(client):
    response = client.post("/neutrophil-count/", {"unit": "cells_per_ul", "anc": "12\x0000", "age_group": "adult"})
    assert response.status_code == 200
    assert b"as a number" in response.content
