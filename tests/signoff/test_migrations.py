"""Migrating a site from before the sign-off keeps its articles as they were, and invents no approval."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles.models import Article
from signoff.models import Approval
from signoff.reviews import State, state_of

pytestmark = pytest.mark.slow

BEFORE = [("articles", "0003_editing_permissions_and_old_slugs")]


@pytest.mark.django_db(transaction=True)
def test_published_articles_stay_published_without_an_approval():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_article = executor.loader.project_state(BEFORE).apps.get_model("articles", "Article")
    fields = {"summary": "s", "body": "## A\n\nText.", "reviewer": "Consultant haematologist"}
    old_article.objects.create(
        title="Live", slug="live", status="published", last_reviewed=datetime.date(2026, 11, 1), **fields
    )
    old_article.objects.create(title="Draft", slug="draft", status="draft", **fields)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    live, draft = Article.objects.get(slug="live"), Article.objects.get(slug="draft")
    assert (state_of(live), state_of(draft)) == (State.LIVE, State.DRAFT)
    assert list(Article.objects.published()) == [live]
    assert not Approval.objects.exists()
