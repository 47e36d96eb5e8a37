"""Page weight on a slow phone: each article, with the stylesheets, scripts and images it loads, is under
20 KB gzip-compressed; no web fonts; every image has its size set so nothing shifts while it loads.

The bytes are the ones the site serves: pages through the test client, static files through whitenoise
(reading the source files, as `make run` does, since the tests do not run collectstatic).
"""

import gzip
import re

import pytest
from django.core.management import call_command
from django.test import Client

from articles.models import Article
from tests.pages import parse

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 20 * 1024
FONT_FILE = re.compile(r"\.(woff2?|ttf|otf|eot)\b", re.IGNORECASE)


@pytest.fixture
def served(settings):
    """A client of the site with the bundled guide imported and static files served by whitenoise."""
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    call_command("import_articles", verbosity=0)
    call_command("import_glossary", verbosity=0)  # its links are part of the articles' weight
    return Client()


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return b"".join(response.streaming_content) if response.streaming else response.content


def resources(html):
    """The addresses of the stylesheets, scripts and images a page makes the browser load."""
    tree = parse(html)
    stylesheets = [link.attrs["href"] for link in tree.find_all("link", rel="stylesheet")]
    scripts = [script.attrs["src"] for script in tree.find_all("script") if "src" in script.attrs]
    images = [image.attrs["src"] for image in tree.find_all("img")]
    return stylesheets + scripts + images


def public_pages():
    return ["/", "/neutrophil-count/", "/search/?q=fever", "/articles/no-such-page/"] + [
        article.get_absolute_url() for article in Article.objects.published()
    ]


def test_every_article_with_what_it_loads_is_under_20_kb_compressed(served):
    articles = Article.objects.published()
    assert articles.count() >= 9  # the whole bundled guide
    for article in articles:
        page = fetch(served, article.get_absolute_url())
        loaded = resources(page)
        assert any(url.endswith(".css") for url in loaded), "the stylesheet counts towards the weight"
        total = len(gzip.compress(page)) + sum(len(gzip.compress(fetch(served, url))) for url in loaded)
        assert total < BUDGET_BYTES, f"{article.slug}: {total} bytes compressed with {loaded}"


def test_the_weighed_resources_include_the_script_an_article_loads(served):
    """The weight test above covers the script an article loads, not only its stylesheet."""
    loaded = resources(fetch(served, Article.objects.published().first().get_absolute_url()))
    assert any(url.endswith(".js") for url in loaded)


def test_no_page_or_stylesheet_asks_for_a_web_font(served):
    for url in public_pages():
        response = served.get(url)
        html = response.content
        assert not FONT_FILE.search(html.decode()), url
        assert b'as="font"' not in html, url
        for resource in resources(html):
            if resource.endswith(".css"):
                css = fetch(served, resource).decode()
                assert "@font-face" not in css, resource
                assert not FONT_FILE.search(css), resource


def test_every_image_on_a_public_page_has_its_width_and_height(served):
    # A guard: the bundled pages show no image today; uploaded images get their sizes from the renderer.
    unsized = []
    for url in public_pages():
        for image in parse(served.get(url).content).find_all("img"):
            if not (image.attrs.get("width") and image.attrs.get("height")):
                unsized.append((url, image.attrs.get("src")))
    assert unsized == []


def test_pages_name_a_site_icon_that_is_served(served):
    # Without one, browsers ask for /favicon.ico, get a 404, and log an error on every page.
    icon = parse(fetch(served, "/")).find("link", rel="icon").attrs["href"]
    assert fetch(served, icon).startswith(b"<svg")
