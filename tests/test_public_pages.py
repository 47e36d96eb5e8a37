"""What every public page promises: drafts stay private, hostile titles stay text, no inline code."""

import json
import xml.etree.ElementTree as ET

import pytest

from articles.models import Article
from tests.html_tree import parse

pytestmark = pytest.mark.django_db

HOSTILE_TITLE = """<script>alert("x")</script> & 'quotes' </title>"""
HOSTILE_SUMMARY = """Summary with <b>tags</b>, "double" & 'single' quotes and </script><script>alert(2)</script>"""


@pytest.fixture
def draft(make_article):
    """A published guide of three articles with a draft in the middle, linked from a published one."""
    first = make_article(title="First page", slug="first", position=1)
    hidden = make_article(
        title="Secret zebrafinch draft",
        slug="secret-draft",
        summary="Zebrafinch summary.",
        body="## Zebrafinch\n\nZebrafinch body.",
        position=2,
        status=Article.Status.DRAFT,
    )
    make_article(title="Third page", slug="third", position=3)
    first.related.add(hidden)
    return hidden


@pytest.fixture
def hostile(make_article, site_url):
    """A published article whose title and summary are full of markup and quotes."""
    return make_article(title=HOSTILE_TITLE, slug="hostile", summary=HOSTILE_SUMMARY)


# Drafts


def test_a_draft_page_is_not_found(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("url", ["/", "/articles/first/", "/articles/third/", "/search/?q=page"])
def test_a_draft_is_not_linked_or_named_from_public_pages(client, draft, url):
    response = client.get(url)
    assert response.status_code == 200
    tree = parse(response.content)
    assert tree.find_all("a", href=draft.get_absolute_url()) == []
    assert "zebrafinch" not in tree.text().lower()
    for script in tree.find_all("script", type="application/ld+json"):
        assert "zebrafinch" not in script.raw_text().lower()


def test_previous_and_next_skip_a_draft(page, draft):
    pager = page("/articles/first/").find("nav", class_="pager")
    assert pager.find("a", rel="next").attrs["href"] == "/articles/third/"
    assert (
        page("/articles/third/").find("nav", class_="pager").find("a", rel="prev").attrs["href"] == "/articles/first/"
    )


def test_related_links_leave_out_a_draft(page, draft):
    assert page("/articles/first/").find_all("nav", class_="related") == []


def test_a_draft_is_not_found_by_search(client, draft):
    tree = parse(client.get("/search/", {"q": "zebrafinch"}).content)
    assert tree.find("h2", id="results-heading").text() == "No pages match “zebrafinch”"


def test_a_draft_is_not_in_the_sitemap_or_the_feed(client, draft):
    assert b"secret-draft" not in client.get("/sitemap.xml").content
    feed = client.get("/feed/").content
    assert b"secret-draft" not in feed
    assert b"zebrafinch" not in feed.lower()


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
    assert home.find("a", href="/articles/hostile/").raw_text() == HOSTILE_TITLE
    results = parse(client.get("/search/", {"q": "quotes"}).content)
    assert (
        results.find("section", class_="search-results").find("a", href="/articles/hostile/").raw_text()
        == HOSTILE_TITLE
    )
    entry = ET.fromstring(client.get("/feed/").content).find("{http://www.w3.org/2005/Atom}entry")
    assert entry.findtext("{http://www.w3.org/2005/Atom}title") == HOSTILE_TITLE
    assert entry.findtext("{http://www.w3.org/2005/Atom}summary") == HOSTILE_SUMMARY


# Ready for a strict Content-Security-Policy


@pytest.mark.parametrize(
    "url", ["/", "/articles/first/", "/search/", "/search/?q=page", "/search/?q=%25", "/neutrophil-count/", "/nowhere/"]
)
def test_pages_hold_no_inline_script_style_or_handler(client, draft, url):
    tree = parse(client.get(url).content)
    for element in tree.iter():
        assert element.tag != "style"
        assert "style" not in element.attrs, f"<{element.tag}> has a style attribute"
        assert not [name for name in element.attrs if name.startswith("on")], f"<{element.tag}> has a handler"
        if element.tag == "script":
            assert element.attrs.get("type") == "application/ld+json" or (
                element.attrs.get("src") and not element.raw_text().strip()
            )
