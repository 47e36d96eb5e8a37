"""What patients can reach (the page, the feed, the sitemap, search, JSON-LD) stays as it was until a
clinical reviewer approves the working copy; the approval then shows at once."""

import json

import pytest
from django.core.cache import cache

from tests.pages import parse, save_article

pytestmark = pytest.mark.django_db

NEW_WORDS = "Gargle saltwater hourly"


@pytest.fixture
def live(make_article):
    make_article(title="Causes")
    return make_article(title="Preventing infections", slug="infections", summary="Keep germs away.")


def public_surfaces(client, article):
    """Everything a visitor without an account can fetch that shows the article, rendered afresh."""
    cache.clear()
    paths = [article.get_absolute_url(), "/feed/", "/sitemap.xml", "/search/?q=gargle+saltwater", "/"]
    return {path: client.get(path).content for path in paths}


def json_ld(content):
    (script,) = parse(content).find_all("script", type="application/ld+json")
    return json.loads(script.raw_text())


def test_a_save_of_a_live_article_changes_nothing_a_visitor_can_fetch(editor_client, public, live):
    before = public_surfaces(public, live)
    changes = {"title": "Infections: new advice", "summary": "Changed.", "body": f"## Now\n\n{NEW_WORDS}."}
    assert save_article(editor_client, live, **changes).status_code == 302
    assert public_surfaces(public, live) == before


def test_an_approval_shows_at_once_in_every_surface(editor_client, reviewer_client, public, live, submit, approve):
    public_surfaces(public, live)  # cached
    submit(editor_client, live, title="Infections: new advice", body=f"## Now\n\n{NEW_WORDS}.")
    approve(reviewer_client, live)
    page = public.get(live.get_absolute_url()).content
    assert parse(page).find("h1").text() == "Infections: new advice"
    data = json_ld(page)
    assert data["headline"] == "Infections: new advice"
    assert data["reviewedBy"] == {"@type": "Person", "name": "Rita Reeve", "jobTitle": "Consultant haematologist"}
    assert b"Infections: new advice" in public.get("/feed/").content
    assert b"Infections: new advice" in public.get("/search/?q=gargle+saltwater").content
