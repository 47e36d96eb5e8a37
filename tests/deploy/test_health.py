"""/healthz for load balancers, and the 503 page shown while the database is down.

The outage itself is tested for real, against gunicorn and a database taken away, in test_faults.py.
"""

import pytest
from django.db import connection
from django.template.loader import render_to_string

from neutro_site.health import CHECK_QUERY
from neutro_site.outage import outage_response
from tests.pages import parse

pytestmark = pytest.mark.django_db


def test_health_check_answers_ok_when_the_database_answers(client, django_assert_num_queries):
    with django_assert_num_queries(1) as captured:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert captured.captured_queries[0]["sql"] == CHECK_QUERY.get(connection.vendor, "SELECT 1")


def test_health_check_is_never_cached_and_sets_no_cookie(client):
    response = client.get("/healthz")
    assert "no-store" in response.headers["Cache-Control"]
    assert not response.cookies


def test_health_check_answers_head_and_refuses_post(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_outage_page_renders_without_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = outage_response()
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert "no-store" in response.headers["Cache-Control"]
    tree = parse(response.content)
    assert tree.find("h1").text() == "This page is unavailable for a moment"
    assert tree.find_all("link", rel="canonical") == []
    assert "emergency services" in tree.find("main").text()


def test_outage_page_extends_the_site_layout():
    tree = parse(render_to_string("503.html"))
    assert tree.find("a", class_="skip-link")
    assert tree.find("nav", aria_label="Main")
