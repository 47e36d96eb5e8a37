"""Hostile titles stay text on every page that shows them: the head, the body, the JSON-LD, the lists,
search and the feed. (Drafts staying private: test_drafts.py; no inline code: tests/deploy/test_headers.py.)
"""

import json
import xml.etree.ElementTree as ET

import pytest

from tests.pages import parse

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"

HOSTILE_TITLE = """<script>alert("x")</script> & 'quotes' </title>"""
HOSTILE_SUMMARY = """Summary with <b>tags</b>, "double" & 'single' quotes and </script><script>alert(2)</script>"""


@pytest.fixture
def hostile(make_article, site_url):
    """A published article whose title and summary are full of markup and quotes, related to another one."""
    article = make_article(title=HOSTILE_TITLE, slug="hostile", summary=HOSTILE_SUMMARY)
    make_article(title="Plain page", slug="plain").related.add(article)
    return article


# A title full of markup and quotes


def test_hostile_title_is_plain_text_in_the_head(page, hostile):
    tree = page(hostile.get_absolute_url())
    assert tree.find("head").find("title").text() == " ".join(f"{HOSTILE_TITLE} | Neutropenia guide".split())
    assert tree.meta("description") == HOSTILE_SUMMARY
    assert tree.meta("og:title") == HOSTILE_TITLE
    assert tree.meta("og:description") == HOSTILE_SUMMARY


def test_hostile_title_is_plain_text_in_the_body(page, hostile):
    tree = page(hostile.get_absolute_url())
    assert tree.find("h1").raw_text() == HOSTILE_TITLE
    assert tree.find("nav", class_="breadcrumbs").find("a", aria_current="page").raw_text() == HOSTILE_TITLE
    assert tree.find("p", class_="summary").raw_text() == HOSTILE_SUMMARY
    assert tree.find("nav", class_="topics").find("a", aria_current="page").raw_text() == HOSTILE_TITLE


def test_hostile_title_cannot_break_out_of_the_json_ld(client, hostile):
    html = client.get(hostile.get_absolute_url()).content.decode()
    tree = parse(html)
    [script] = tree.find_all("script", type="application/ld+json")
    text = script.raw_text()
    assert "<" not in text
    assert ">" not in text
    data = json.loads(text)
    assert data["name"] == HOSTILE_TITLE
    assert data["description"] == HOSTILE_SUMMARY
    assert data["breadcrumb"]["itemListElement"][1]["name"] == HOSTILE_TITLE
    # Nothing the title holds became an element: the page's only scripts are the JSON-LD and the file.
    assert [(s.attrs.get("type"), s.attrs.get("src")) for s in tree.find_all("script")] == [
        ("application/ld+json", None),
        (None, "/static/js/page-feedback.js"),
        (None, "/static/js/section-links.js"),
    ]


def test_hostile_title_is_plain_text_in_lists_search_and_feed(client, hostile):
    home = parse(client.get("/").content)
    assert home.find("main").find("a", href="/articles/hostile/").raw_text() == HOSTILE_TITLE
    related = parse(client.get("/articles/plain/").content).find("nav", class_="related")
    assert related.find("a", href="/articles/hostile/").raw_text() == HOSTILE_TITLE
    results = parse(client.get("/search/", {"q": "quotes"}).content)
    assert (
        results.find("section", class_="search-results").find("a", href="/articles/hostile/").raw_text()
        == HOSTILE_TITLE
    )
    entries = ET.fromstring(client.get("/feed/").content).findall(f"{ATOM}entry")
    assert (HOSTILE_TITLE, HOSTILE_SUMMARY) in [
        (e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}summary")) for e in entries
    ]
