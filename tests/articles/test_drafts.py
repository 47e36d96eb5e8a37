"""Drafts stay private: the public never sees, finds or is led to one; staff read a draft at its public
address, under a "Draft" banner.

(Search leaving drafts out is tested on search() itself, in test_search.py.)
"""

import pytest
from django.contrib.auth.models import User

from articles.models import Article
from tests.pages import parse

pytestmark = pytest.mark.django_db


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


def test_an_editor_sees_a_draft_with_a_draft_banner(editor_client, draft):
    response = editor_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    tree = parse(response.content)
    banner = tree.find("div", class_="draft-banner")
    assert banner.text().startswith("Draft: this page is not published.")
    assert tree.find("h1").text() == "Secret zebrafinch draft"
    assert tree.meta("robots") == "noindex"


def test_a_draft_preview_is_never_cached(editor_client, draft):
    response = editor_client.get(draft.get_absolute_url())
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_published_article_has_no_draft_banner_for_editors(editor_client, draft):
    tree = parse(editor_client.get("/articles/first/").content)
    assert tree.find_all("div", class_="draft-banner") == []


def test_the_draft_stays_out_of_the_public_lists_while_an_editor_previews_it(editor_client, draft):
    tree = parse(editor_client.get(draft.get_absolute_url()).content)
    topics = [link.text() for link in tree.find("nav", class_="topics").find_all("a")]
    assert topics == ["First page", "Third page"]


# Everyone else


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed-in user who is not staff"])
def test_a_draft_page_is_not_found(client, draft, signed_in):
    if signed_in:
        client.force_login(User.objects.create_user("reader", password="x" * 20))
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


def test_a_draft_is_not_in_the_sitemap_or_the_feed(client, draft):
    assert b"secret-draft" not in client.get("/sitemap.xml").content
    feed = client.get("/feed/").content
    assert b"secret-draft" not in feed
    assert b"zebrafinch" not in feed.lower()
