"""A form posted in another encoding than UTF-8 (neutro_site/form_encoding.py): a 400 page, one log line."""

import logging

import pytest

from tests.pages import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/neutrophil-count/", "/admin/login/", "/articles/overview/"])
@pytest.mark.parametrize("charset", ["utf-16", "UTF-32", "latin-1"])
def test_a_form_in_another_encoding_gets_a_400_page_in_the_site_layout(client, caplog, path, charset):
    with caplog.at_level(logging.INFO):
        response = client.post(path, "count=1200", content_type=f"application/x-www-form-urlencoded; charset={charset}")
    assert response.status_code == 400
    tree = parse(response.content)
    assert tree.find("h1").text() == "The site could not read this request"
    assert tree.find(id="main-content") is not None
    assert response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert [(record.levelname, record.exc_info) for record in caplog.records] == [("WARNING", None)]
    assert "1200" not in caplog.text


def test_a_form_in_utf_8_is_read_as_usual(client):
    response = client.post(
        "/neutrophil-count/", b"unit=cells_per_ul", content_type="application/x-www-form-urlencoded; charset=UTF-8"
    )
    assert response.status_code == 200
