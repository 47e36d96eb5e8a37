"""Writes that touch several rows commit together or not at all, against the real database's transactions
(these tests run outside the test-wrapping transaction)."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from articles.models import Article
from neutro_site.urls import urlpatterns as site_urlpatterns
from tests.test_commands import write

pytestmark = pytest.mark.django_db(transaction=True)


def save_with_related(request):
    """Save an article, link it to another, and fail afterwards if asked: a save that dies half-way."""
    first = Article.objects.create(title="First", slug="first", summary="S.", body="B.", status="published")
    second = Article.objects.create(title="Second", slug="second", summary="S.", body="B.", status="published")
    first.related.add(second)
    if request.GET.get("fail"):
        raise RuntimeError("the save failed after its first rows")
    return HttpResponse("saved")


urlpatterns = [*site_urlpatterns, path("save-with-related/", save_with_related)]


def test_requests_run_in_one_transaction():
    assert connection.settings_dict["ATOMIC_REQUESTS"] is True


@pytest.mark.urls("tests.test_transactions")
def test_a_request_that_fails_half_way_leaves_nothing_behind():
    response = Client(raise_request_exception=False).get("/save-with-related/?fail=1")
    assert response.status_code == 500
    assert Article.objects.count() == 0
    assert Article.related.through.objects.count() == 0


@pytest.mark.urls("tests.test_transactions")
def test_a_request_that_succeeds_keeps_every_row():
    assert Client().get("/save-with-related/").status_code == 200
    assert Article.objects.get(slug="first").related.get().slug == "second"


def test_an_import_that_fails_half_way_leaves_the_previous_articles_and_links(tmp_path):
    write(tmp_path, "a-first", slug="first", title="First as it was", related=["second"])
    write(tmp_path, "b-second", slug="second", title="Second as it was")
    call_command("import_articles", str(tmp_path), verbosity=0)

    changed = tmp_path / "changed"
    changed.mkdir()
    write(changed, "a-first", slug="first", title="First changed", related=[])
    write(changed, "b-second", slug="second", title="Second changed")
    write(changed, "c-new", slug="new")
    write(changed, "d-broken", slug="broken", title="T" * 201)
    with pytest.raises(CommandError, match=r"d-broken\.md"):
        call_command("import_articles", str(changed), "--update", verbosity=0)

    assert sorted(Article.objects.values_list("slug", flat=True)) == ["first", "second"]
    first = Article.objects.get(slug="first")
    assert first.title == "First as it was"
    assert list(first.related.values_list("slug", flat=True)) == ["second"]
    assert Article.objects.get(slug="second").title == "Second as it was"
