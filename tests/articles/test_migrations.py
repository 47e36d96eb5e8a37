"""The migrations run forward from the first one over stored articles, as on a site that has been up since."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles.models import Article, OldSlug

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_migrating_gives_articles_stored_before_body_text_their_plain_text():
    executor = MigrationExecutor(connection)
    executor.migrate([("articles", "0001_initial")])
    old_article = executor.loader.project_state([("articles", "0001_initial")]).apps.get_model("articles", "Article")
    old_article.objects.create(
        title="Old",
        slug="old",
        summary="s",
        body="## Kept heading\n\nText.",
        body_html="<h2>Kept heading</h2>\n<p>Text &amp; more.</p>",
        status="published",
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    article = Article.objects.get(slug="old")
    assert article.body_text == "Kept heading\nText & more."
    # The stored HTML is left as it was: rerender_articles renders it with the current renderer.
    assert article.body_html == "<h2>Kept heading</h2>\n<p>Text &amp; more.</p>"


def test_migrating_gives_old_slugs_their_articles_language():
    before = [("articles", "0005_article_language_and_translation_of")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    article = old_apps.get_model("articles", "Article").objects.create(
        title="Fiebre", slug="fiebre", summary="s", body="Texto.", status="published", language="es"
    )
    old_apps.get_model("articles", "OldSlug").objects.create(slug="calentura", article=article)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert OldSlug.objects.get(slug="calentura").language == "es"
