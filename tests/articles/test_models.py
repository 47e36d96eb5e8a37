import pytest

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_saving_stores_the_rendered_html_and_sections(make_article):
    article = make_article(body="## Getting help\n\nCall <script>x()</script> your team.")
    article.refresh_from_db()
    assert '<h2 id="getting-help">Getting help</h2>' in article.body_html
    assert "<script" not in article.body_html
    assert article.sections == [["getting-help", "Getting help"]]


def test_editing_the_body_renders_it_again(make_article):
    article = make_article(body="## Old")
    article.body = "## New heading"
    article.save()
    article.refresh_from_db()
    assert "new-heading" in article.body_html
    assert article.sections == [["new-heading", "New heading"]]


def test_saving_only_the_body_also_saves_its_html(make_article):
    article = make_article(body="## Old")
    article.body = "## Fresh"
    article.save(update_fields=["body"])
    article.refresh_from_db()
    assert "fresh" in article.body_html


def test_published_leaves_out_drafts(make_article):
    shown = make_article(status=Article.Status.PUBLISHED)
    make_article(status=Article.Status.DRAFT)
    assert list(Article.objects.published()) == [shown]


def test_guide_order_follows_position_then_title(make_article):
    third = make_article(title="B", position=2)
    second = make_article(title="A", position=2)
    first = make_article(title="Z", position=1)
    assert list(Article.objects.in_guide_order()) == [first, second, third]


def test_related_links_point_one_way(make_article):
    overview, causes = make_article(), make_article()
    overview.related.add(causes)
    assert list(causes.related.all()) == []


def test_address_is_built_from_the_slug(make_article):
    assert make_article(slug="causes").get_absolute_url() == "/articles/causes/"
    assert str(make_article(title="Causes of neutropenia")) == "Causes of neutropenia"


def test_saving_stores_the_plain_text_for_search(make_article):
    article = make_article(body="## Help\n\nCall **now** & wait.")
    article.refresh_from_db()
    assert article.body_text == "Help\nCall now & wait."
