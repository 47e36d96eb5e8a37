"""Who else is editing an article: recorded when its change form opens and each time the form's script calls
the presence endpoint, shown on the form, forgotten when the editor leaves or stops calling."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from editing.models import EditingPresence
from tests.pages import change_url, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam_client(editor):
    user = User.objects.create_user("sam", password="x" * 20, is_staff=True, first_name="Sam", last_name="Hale")
    user.groups.set(editor.groups.all())
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def presence_url(article):
    return reverse("editor_presence", args=[article.pk])


def ask(client, article, **data):
    """Call the presence endpoint as the form's script does, with the CSRF token of the opened form."""
    return client.post(presence_url(article), {"csrfmiddlewaretoken": csrf_token(client, article), **data})


def csrf_token(client, article):
    page = parse(client.get(change_url(article)).content)
    return page.find("form", id="article_form").find("input", name="csrfmiddlewaretoken").attrs["value"]


def notice(client, article):
    region = parse(client.get(change_url(article)).content).find("div", class_="editing-presence")
    assert region.attrs["role"] == "status"
    return region.text()


def test_opening_the_form_tells_the_next_editor_who_is_editing(editor_client, sam_client, make_article):
    article = make_article()
    assert notice(editor_client, article) == ""
    assert notice(sam_client, article).startswith("Edith is editing this article.")
    assert notice(editor_client, article).startswith("Sam Hale is editing this article.")


def test_the_endpoint_answers_who_else_has_the_form_open(editor_client, sam_client, make_article):
    article = make_article()
    editor_client.get(change_url(article))
    answer = ask(sam_client, article).json()
    assert answer["editing"] == ["Edith"]
    assert answer["notice"].startswith("Edith is editing this article.")


def test_an_editor_who_leaves_is_forgotten_at_once(editor_client, sam_client, make_article):
    article = make_article()
    editor_client.get(change_url(article))
    left = ask(editor_client, article, leave="1")
    assert left.json() == {"editing": [], "notice": ""}
    assert ask(sam_client, article).json()["editing"] == []


def test_an_editor_not_heard_from_for_three_calls_has_stopped(editor_client, sam_client, make_article, settings):
    article = make_article()
    editor_client.get(change_url(article))
    long_ago = timezone.now() - datetime.timedelta(seconds=3 * settings.EDITING_PRESENCE_SECONDS + 1)
    EditingPresence.objects.filter(user__username="edith").update(seen_at=long_ago)
    assert ask(sam_client, article).json()["editing"] == []
    assert not EditingPresence.objects.filter(user__username="edith").exists()  # and is cleared away


def test_the_endpoint_refuses_a_post_without_the_csrf_token(sam_client, make_article):
    article = make_article()
    assert sam_client.post(presence_url(article)).status_code == 403
    assert not EditingPresence.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "reviewer"])
def test_the_endpoint_is_for_editors_only(who, reviewer_client, make_article):
    article = make_article()
    client = Client() if who == "anonymous" else reviewer_client
    response = client.post(presence_url(article))
    assert response.status_code == 403
    assert "error" in response.json()
    assert not EditingPresence.objects.exists()


def test_a_reader_without_change_permission_is_not_recorded_and_gets_no_notice(reviewer_client, make_article):
    article = make_article()
    page = parse(reviewer_client.get(change_url(article)).content)
    assert page.find_all("div", class_="editing-presence") == []
    assert not EditingPresence.objects.exists()


def test_the_endpoint_answers_404_for_an_article_that_does_not_exist_and_only_to_post(editor_client):
    assert editor_client.post(reverse("editor_presence", args=[999])).status_code == 404
    assert editor_client.get(reverse("editor_presence", args=[999])).status_code == 405
