"""Canonical addresses, meta descriptions and link-preview (Open Graph, Twitter card) tags."""

import pytest
from PIL import Image

from tests.pages import parse

pytestmark = pytest.mark.django_db


def test_article_canonical_link_uses_the_site_address(page, make_article, site_url):
    article = make_article(slug="fever")
    tree = page(f"{article.get_absolute_url()}?utm_source=letter")
    assert tree.find("link", rel="canonical").attrs["href"] == "https://neutropenia.example.org/articles/fever/"


def test_canonical_link_falls_back_to_the_request_scheme_and_host(client, make_article):
    article = make_article(slug="fever")
    response = client.get(article.get_absolute_url(), headers={"host": "localhost"})
    assert parse(response.content).find("link", rel="canonical").attrs["href"] == "http://localhost/articles/fever/"


def test_home_page_has_a_canonical_link_and_the_site_description(page, site_url):
    tree = page("/")
    assert tree.find("link", rel="canonical").attrs["href"] == "https://neutropenia.example.org/"
    assert tree.meta("description").startswith("Plain-language information about neutropenia")
    assert tree.meta("og:description") == tree.meta("description")


def test_article_description_and_preview_tags_come_from_the_article(page, make_article, site_url):
    article = make_article(title="Fever and when to get help", slug="fever", summary="A fever is an emergency.")
    tree = page(article.get_absolute_url())
    assert tree.meta("description") == "A fever is an emergency."
    assert tree.meta("og:title") == "Fever and when to get help"
    assert tree.meta("og:description") == "A fever is an emergency."
    assert tree.meta("og:url") == "https://neutropenia.example.org/articles/fever/"
    assert tree.meta("og:type") == "article"
    assert tree.meta("og:site_name") == "Neutropenia guide"
    assert tree.meta("twitter:card") == "summary_large_image"


def test_checker_page_has_its_own_canonical_link_and_preview(page, site_url):
    tree = page("/neutrophil-count/")
    assert tree.find("link", rel="canonical").attrs["href"] == "https://neutropenia.example.org/neutrophil-count/"
    assert tree.meta("og:title") == "Check your neutrophil count"
    assert tree.meta("og:description") == tree.meta("description")


def test_home_page_is_a_website_in_previews(page):
    assert page("/").meta("og:type") == "website"


@pytest.mark.parametrize(("home", "image"), [("/", "share-card.png"), ("/es/", "share-card-es.png")])
def test_preview_image_is_an_absolute_address_of_a_shipped_1200_by_630_png_in_the_pages_language(
    page, site_url, settings, home, image
):
    image_url = page(home).meta("og:image")
    assert image_url == f"https://neutropenia.example.org/static/img/{image}"
    path = settings.BASE_DIR / "static" / "img" / image
    with Image.open(path) as found:
        assert (found.format, found.size) == ("PNG", (1200, 630))
    assert page(home).meta("og:image:width") == "1200"


def test_every_page_links_its_updates_feed(page, make_article):
    article = make_article()
    for url in ["/", article.get_absolute_url(), "/search/?q=text"]:
        feed_link = page(url).find("link", rel="alternate", type="application/atom+xml")
        assert feed_link.attrs["href"] == "/feed/"


def test_error_pages_have_no_canonical_link(page):
    tree = page("/articles/no-such-page/", status=404)
    assert tree.find_all("link", rel="canonical") == []
