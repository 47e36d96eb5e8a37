"""Staff can read a draft at its public address, under a "Draft" banner; everyone else gets 404."""

import pytest
from django.contrib.auth.models import User

from articles.models import Article
from tests.html_tree import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(make_article):
    make_article(title="Published neighbour")
    return make_article(title="Coming soon", slug="coming-soon", status=Article.Status.DRAFT)


def test_an_editor_sees_a_draft_with_a_draft_banner(editor_client, draft):
    response = editor_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    tree = parse(response.content)
    banner = tree.find("div", class_="draft-banner")
    assert banner.text().startswith("Draft: this page is not published.")
    assert tree.find("h1").text() == "Coming soon"
    assert tree.meta("robots") == "noindex"


def test_a_draft_preview_is_never_cached(editor_client, draft):
    response = editor_client.get(draft.get_absolute_url())
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_published_article_has_no_draft_banner_for_editors(editor_client, draft, make_article):
    published = make_article(title="Live page")
    tree = parse(editor_client.get(published.get_absolute_url()).content)
    assert tree.find_all("div", class_="draft-banner") == []


def test_anonymous_visitors_get_404_for_a_draft(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_logged_in_user_who_is_not_staff_gets_404_for_a_draft(client, draft):
    client.force_login(User.objects.create_user("reader", password="x" * 20))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_draft_stays_out_of_the_public_lists_while_an_editor_previews_it(editor_client, draft):
    tree = parse(editor_client.get(draft.get_absolute_url()).content)
    topics = [link.text() for link in tree.find("nav", class_="topics").find_all("a")]
    assert topics == ["Published neighbour"]
