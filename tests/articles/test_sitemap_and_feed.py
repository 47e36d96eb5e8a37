"""The sitemap, robots.txt and the Atom updates feed."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from articles.models import Article

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")}


def feed(client):
    response = client.get("/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def set_updated(article, when):
    Article.objects.filter(pk=article.pk).update(updated=when)
    article.refresh_from_db()
    return article


def test_sitemap_lists_home_and_every_published_article_with_its_last_change(client, make_article, site_url):
    fever = set_updated(make_article(slug="fever"), datetime.datetime(2026, 3, 4, 10, 0, tzinfo=datetime.UTC))
    make_article(slug="unfinished", status=Article.Status.DRAFT)
    entries = sitemap_entries(client)
    assert set(entries) == {
        "https://neutropenia.example.org/",
        "https://neutropenia.example.org/es/",
        "https://neutropenia.example.org/neutrophil-count/",
        "https://neutropenia.example.org/es/neutrophil-count/",
        "https://neutropenia.example.org/articles/fever/",
    }
    assert entries["https://neutropenia.example.org/articles/fever/"].startswith("2026-03-04")
    assert fever.updated.date().isoformat() == "2026-03-04"


def test_sitemap_addresses_follow_the_request_without_a_site_address(client, make_article):
    make_article(slug="fever")
    assert set(sitemap_entries(client)) == {
        "http://testserver/",
        "http://testserver/es/",
        "http://testserver/neutrophil-count/",
        "http://testserver/es/neutrophil-count/",
        "http://testserver/articles/fever/",
    }


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, site_url):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: https://neutropenia.example.org/sitemap.xml" in lines


def test_feed_lists_published_articles_most_recently_changed_first(client, make_article, site_url):
    now = timezone.now()
    older = set_updated(make_article(title="Older", slug="older"), now - datetime.timedelta(days=10))
    newer = set_updated(
        make_article(title="Newer", slug="newer", summary="What changed."), now - datetime.timedelta(days=1)
    )
    make_article(title="Hidden", slug="hidden", status=Article.Status.DRAFT)
    root = feed(client)
    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Newer", "Older"]
    first = entries[0]
    assert first.find(f"{ATOM}link").attrib["href"] == "https://neutropenia.example.org/articles/newer/"
    assert first.findtext(f"{ATOM}summary") == "What changed."
    assert datetime.datetime.fromisoformat(first.findtext(f"{ATOM}updated")) == newer.updated
    assert datetime.datetime.fromisoformat(entries[1].findtext(f"{ATOM}updated")) == older.updated


def test_feed_summaries_are_plain_text_sent_as_text(client, make_article):
    make_article(summary="Counts < 500 & <b>fever</b> need care")
    summaries = feed(client).find(f"{ATOM}entry").findall(f"{ATOM}summary")
    assert [(summary.attrib["type"], summary.text) for summary in summaries] == [
        ("text", "Counts < 500 & <b>fever</b> need care")
    ]


def test_robots_txt_answers_head(client):
    response = client.head("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_feed_itself_has_absolute_addresses(client, make_article, site_url):
    make_article()
    root = feed(client)
    links = {link.attrib.get("rel", "alternate"): link.attrib["href"] for link in root.findall(f"{ATOM}link")}
    assert links == {"alternate": "https://neutropenia.example.org/", "self": "https://neutropenia.example.org/feed/"}
    assert root.findtext(f"{ATOM}title") == "Neutropenia guide: updated pages"


def test_feed_addresses_follow_the_request_without_a_site_address(client, make_article):
    make_article(slug="fever")
    entry = feed(client).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").attrib["href"] == "http://testserver/articles/fever/"


def test_an_edit_moves_an_article_to_the_top_of_the_feed(client, make_article):
    first = make_article(title="First")
    make_article(title="Second")
    set_updated(first, timezone.now() - datetime.timedelta(days=5))
    first.summary = "Updated advice."
    first.save()
    assert feed(client).find(f"{ATOM}entry").findtext(f"{ATOM}title") == "First"


XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_alternates(client):
    """{address: {hreflang: address}} of the sitemap's entries."""
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.attrib["hreflang"]: link.attrib["href"] for link in url.iter(f"{XHTML}link")
        }
        for url in root.iter(f"{SITEMAP}url")
    }


@pytest.fixture
def translated(make_article):
    fever = make_article(slug="fever")
    make_article(slug="fiebre", language="es", translation_of=fever)
    make_article(slug="only-english")
    make_article(
        slug="borrador",
        language="es",
        translation_of=Article.objects.get(slug="only-english"),
        status=Article.Status.DRAFT,
    )


def test_sitemap_lists_both_languages_each_with_its_translations_as_alternates(client, translated, site_url):
    entries = sitemap_alternates(client)
    both = {
        "en-gb": f"{site_url}/articles/fever/",
        "es": f"{site_url}/es/articles/fiebre/",
        "x-default": f"{site_url}/articles/fever/",
    }
    assert entries[f"{site_url}/articles/fever/"] == entries[f"{site_url}/es/articles/fiebre/"] == both
    # The draft translation is neither listed nor named as an alternate.
    assert entries[f"{site_url}/articles/only-english/"] == {
        "en-gb": f"{site_url}/articles/only-english/",
        "x-default": f"{site_url}/articles/only-english/",
    }
    assert f"{site_url}/es/articles/borrador/" not in entries


def test_sitemap_gives_the_fixed_pages_their_address_in_each_language(client, site_url):
    home = {"en-gb": f"{site_url}/", "es": f"{site_url}/es/", "x-default": f"{site_url}/"}
    entries = sitemap_alternates(client)
    assert entries[f"{site_url}/"] == entries[f"{site_url}/es/"] == home


def test_the_spanish_feed_lists_spanish_articles_in_spanish(client, translated, site_url):
    response = client.get("/es/feed/")
    root = ET.fromstring(response.content)
    assert root.findtext(f"{ATOM}title") == "Guía de la neutropenia: páginas actualizadas"
    assert root.attrib["{http://www.w3.org/XML/1998/namespace}lang"] == "es"
    links = [entry.find(f"{ATOM}link").attrib["href"] for entry in root.findall(f"{ATOM}entry")]
    assert links == [f"{site_url}/es/articles/fiebre/"]
    self_link = {link.attrib.get("rel"): link.attrib["href"] for link in root.findall(f"{ATOM}link")}["self"]
    assert self_link == f"{site_url}/es/feed/"


def test_the_english_feed_lists_only_english_articles(client, translated, site_url):
    links = [entry.find(f"{ATOM}link").attrib["href"] for entry in feed(client).findall(f"{ATOM}entry")]
    assert sorted(links) == [f"{site_url}/articles/fever/", f"{site_url}/articles/only-english/"]
