"""Writes that touch several rows commit together or not at all, against the real database's transactions
(these tests run outside the test-wrapping transaction)."""

import pytest
from django.test import Client

from articles.models import Article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.urls("tests.urls")
def test_a_request_that_fails_half_way_leaves_nothing_behind():
    response = Client(raise_request_exception=False).get("/save-with-related/?fail=1")
    assert response.status_code == 500
    assert Article.objects.count() == 0
    assert Article.related.through.objects.count() == 0


@pytest.mark.urls("tests.urls")
def test_a_request_that_succeeds_keeps_every_row():
    assert Client().get("/save-with-related/").status_code == 200
    assert Article.objects.get(slug="first").related.get().slug == "second"
