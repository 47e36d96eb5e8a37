from html.parser import HTMLParser

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


class Outline(HTMLParser):
    """Collects the tags, h1 texts and links of a page."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.h1, self.links = [], [], []
        self._in_h1 = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_h1 = self._in_h1 or tag == "h1"
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1 and data.strip():
            self.h1.append(data.strip())


@pytest.fixture
def guide(make_article):
    overview = make_article(title="Overview", slug="overview", position=1, summary="What it is.")
    causes = make_article(title="Causes", slug="causes", position=2, summary="Why it happens.")
    treatment = make_article(title="Treatment", slug="treatment", position=4)
    overview.related.set([causes, treatment])
    return {"overview": overview, "causes": causes, "treatment": treatment}


def test_home_lists_published_articles_in_guide_order_with_summaries(client, guide):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Overview") < html.index("Causes") < html.index("Treatment")
    assert "Why it happens." in html
    assert "/neutrophil-count/" in html


def test_home_without_articles_says_so(client, db):
    assert "No articles are published yet." in client.get("/").content.decode()


def test_article_page_shows_the_article_and_its_sections(client, guide):
    # Its review dates: test_review_dates.py.
    html = client.get("/articles/overview/").content.decode()
    outline = Outline(html)
    assert outline.h1 == ["Overview"]
    assert html.index("<article") < html.index('class="summary">What it is.') < html.index('href="#first-section"')
    assert '<h2 id="second-section">Second section</h2>' in html


def test_article_page_links_related_articles(client, guide):
    html = client.get("/articles/overview/").content.decode()
    related = html[html.index("Related articles") :]
    assert 'href="/articles/causes/"' in related
    assert 'href="/articles/treatment/"' in related


def test_article_page_links_previous_and_next(client, guide):
    html = client.get("/articles/causes/").content.decode()
    assert '<a href="/articles/overview/" rel="prev">' in html
    assert '<a href="/articles/treatment/" rel="next">' in html
    first = client.get("/articles/overview/").content.decode()
    assert 'rel="prev"' not in first


def test_article_page_has_the_site_landmarks_and_one_h1(client, guide):
    html = client.get("/articles/causes/").content.decode()
    outline = Outline(html)
    for landmark in ["header", "nav", "main", "footer", "article"]:
        assert landmark in outline.tags
    assert outline.tags.count("h1") == 1
    assert outline.links[0] == "#main-content"
    assert 'id="main-content"' in html
    assert "does not replace medical advice" in html


def test_an_unknown_article_answers_a_friendly_404_in_the_site_layout(client, db):
    response = client.get("/articles/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in html
    assert 'href="/"' in html
    assert "site-footer" in html


@override_settings(ROOT_URLCONF="tests.urls")
def test_a_server_error_answers_a_friendly_500_without_details(db):
    response = Client(raise_request_exception=False).get("/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, something went wrong" in html
    assert "Traceback" not in html
    assert "ZeroDivisionError" not in html


# Inside a test's transaction, the request's own transaction (ATOMIC_REQUESTS) is a savepoint and its
# release: two statements on top of the page's queries.
REQUEST_TRANSACTION = 2


def test_article_page_makes_five_queries(client, guide, django_assert_num_queries):
    # The article, its translations, the guide, its related articles, and its clinical approval (none here).
    with django_assert_num_queries(5 + REQUEST_TRANSACTION):
        response = client.get("/articles/overview/")
    assert response.status_code == 200


def test_home_page_makes_one_query(client, guide, django_assert_num_queries):
    with django_assert_num_queries(1 + REQUEST_TRANSACTION):
        client.get("/")
