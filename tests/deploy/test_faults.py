"""The database goes away under the running gunicorn (tests/deploy/conftest.py): readers get pages already
cached, or else the friendly 503 page; the load balancer's /healthz says 503, the count checker keeps
working, and when the database returns the site recovers by itself with every committed edit still there.

On SQLite the fault is another connection holding an exclusive lock on the database file; on PostgreSQL
(when DATABASE_URL names one) it is the database refusing connections after its sessions are ended.
"""

import http.cookiejar
import re
import urllib.parse
import urllib.request

import pytest

from scripts.production_server import manage
from tests.pages import parse

pytestmark = pytest.mark.slow

EDITED_TITLE = "Preventing infections (edited before the fault)"


class Browser:
    """A tiny HTTP client with cookies, enough to post the checker form with its CSRF token."""

    def __init__(self, base, fetch):
        self.base = base
        self.fetch = fetch
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        url = self.base + path
        return self.fetch(url, opener=self.opener, data=body, headers={"Referer": url})

    def check_count(self):
        """Fetch the checker form, then post a count with the form's CSRF token; return the answer."""
        _, _, html = self.request("/neutrophil-count/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        form = {
            "csrfmiddlewaretoken": token,
            "unit": "cells_per_ul",
            "anc": "1200",
            "age_group": "adult",
            "temperature_unit": "c",
        }
        return self.request("/neutrophil-count/", form)


def edit_title(env, slug, title):
    """Change an article's title in its own committed transaction, as an editor's save does."""
    code = f"from articles.models import Article; a = Article.objects.get(slug={slug!r}); a.title = {title!r}; a.save()"
    manage(env, "shell", "-c", code)


def test_outage_shows_the_friendly_page_then_recovers_with_edits_intact(production_site, database_outage, fetch):
    browser = Browser(production_site.url, fetch)
    edit_title(production_site.env, "precautions", EDITED_TITLE)
    status, _, html = browser.request("/articles/precautions/")
    assert (status, parse(html).find("h1").text()) == (200, EDITED_TITLE)
    log = production_site.directory / "gunicorn.log"
    logged_before = len(log.read_text())

    with database_outage():
        # A page already in the page cache is still read from it; one that is not needs the database.
        status, _, html = browser.request("/articles/precautions/")
        assert (status, parse(html).find("h1").text()) == (200, EDITED_TITLE)

        status, headers, html = browser.request("/articles/causes/?during=outage")
        assert status == 503
        assert parse(html).find("h1").text() == "This page is unavailable for a moment"
        assert headers["Retry-After"] == "30"
        assert "no-store" in headers["Cache-Control"]
        assert "Content-Security-Policy" in headers

        status, _, body = browser.request("/healthz")
        assert (status, body) == (503, "database unavailable\n")

        status, _, html = browser.check_count()
        assert status == 200, "the count checker needs no database"
        assert parse(html).find("section", class_="result-summary").attrs["data-anc"] == "1200"

    status, _, body = browser.request("/healthz")
    assert (status, body) == (200, "ok\n")
    status, _, html = browser.request("/articles/precautions/")
    assert (status, parse(html).find("h1").text()) == (200, EDITED_TITLE)
    # What gunicorn logged during the outage: the path and the error's class, never a traceback.
    assert "Traceback" not in log.read_text()[logged_before:]
