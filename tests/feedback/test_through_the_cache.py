"""The question works on pages served whole from the page cache: the form a cached page holds is the same
for every visitor, carries no CSRF token, and its post needs no cookie."""

import pytest
from django.test import Client

from feedback.models import Feedback
from tests.pages import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/articles/fever/"])
def test_the_form_of_a_cached_page_saves_an_answer_for_any_visitor(fever, url, django_assert_num_queries):
    Client().get(url)
    with django_assert_num_queries(0):  # served from the cache: no database query
        cached = Client().get(url)
    form = parse(cached.content).find("form", class_="page-feedback-answer")
    assert not form.find_all("input", name="csrfmiddlewaretoken")
    fields = {field.attrs["name"]: field.attrs["value"] for field in form.find_all("input")}
    for address in ("127.0.0.2", "127.0.0.3"):
        visitor = Client(enforce_csrf_checks=True)  # CSRF as browsers meet it, which the test client skips
        response = visitor.post(
            form.attrs["action"], {**fields, "answer": "useful"}, HTTP_ORIGIN="http://testserver", REMOTE_ADDR=address
        )
        assert response.status_code == 303
        assert not response.cookies
        assert not visitor.cookies
    assert Feedback.objects.filter(page=url, answer="useful").count() == 2


def test_the_thank_you_page_is_never_the_cached_one(fever):
    Client().get("/articles/fever/")
    thanked = parse(Client().get("/articles/fever/?feedback=thanks").content)
    assert thanked.find("p", class_="page-feedback-status").text() == "Thank you for your feedback."
    fresh = parse(Client().get("/articles/fever/").content)
    assert fresh.find("p", class_="page-feedback-status").text() == ""


def test_an_answer_does_not_clear_the_page_cache(fever, django_assert_num_queries):
    Client().get("/articles/fever/")
    Client().post("/feedback/", {"page": "/articles/fever/", "answer": "useful"}, HTTP_ORIGIN="http://testserver")
    with django_assert_num_queries(0):
        Client().get("/articles/fever/")
