"""When an article's slug changes, every address it had answers a permanent redirect to the current one."""

import pytest
from django.test import Client

from articles.models import Article, OldSlug

pytestmark = pytest.mark.django_db


def rename(article, slug):
    article.slug = slug
    article.save()


def redirect_of(url):
    response = Client().get(url)
    return response.status_code, response.headers.get("Location")


def test_an_old_slug_redirects_permanently_to_the_new_address(make_article):
    article = make_article(slug="low-neutrophils")
    rename(article, "neutropenia")
    assert redirect_of("/articles/low-neutrophils/") == (301, "/articles/neutropenia/")
    assert Client().get("/articles/neutropenia/").status_code == 200


def test_every_older_slug_of_a_chain_redirects_straight_to_the_current_address(make_article):
    article = make_article(slug="a-first")
    rename(article, "b-second")
    rename(article, "c-third")
    rename(article, "d-fourth")
    for old in ["a-first", "b-second", "c-third"]:
        assert redirect_of(f"/articles/{old}/") == (301, "/articles/d-fourth/")


def test_going_back_to_an_old_slug_makes_it_live_and_never_loops(make_article):
    article = make_article(slug="first")
    rename(article, "second")
    rename(article, "first")
    assert Client().get("/articles/first/").status_code == 200
    assert redirect_of("/articles/second/") == (301, "/articles/first/")
    assert list(OldSlug.objects.values_list("slug", flat=True)) == ["second"]


def test_a_slug_reused_by_another_article_shows_that_article(make_article):
    moved = make_article(slug="fever", title="Fever (old page)")
    rename(moved, "fever-and-infection")
    newcomer = make_article(slug="fever", title="Fever: what to do")
    response = Client().get("/articles/fever/")
    assert response.status_code == 200
    assert response.context["article"] == newcomer
    assert not OldSlug.objects.filter(slug="fever").exists()


def test_saving_without_a_slug_change_records_nothing(make_article):
    article = make_article(slug="same")
    article.title = "A new title"
    article.save()
    assert not OldSlug.objects.exists()


def test_an_old_slug_of_a_draft_is_404_to_the_public(make_article):
    article = make_article(slug="was-public")
    rename(article, "now-draft")
    article.status = Article.Status.DRAFT
    article.save()
    assert Client().get("/articles/was-public/").status_code == 404


def test_an_unknown_slug_is_still_404(make_article):
    make_article(slug="known")
    assert Client().get("/articles/never-existed/").status_code == 404


def test_deleting_an_article_forgets_its_old_slugs(make_article):
    article = make_article(slug="gone-soon")
    rename(article, "gone")
    article.delete()
    assert Client().get("/articles/gone-soon/").status_code == 404
