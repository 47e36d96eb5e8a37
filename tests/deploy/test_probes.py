"""The attacks found on the deployed site, each tried through nginx and straight at gunicorn behind it."""

import re

import pytest

from tests.deploy.edge_client import SECURITY_HEADERS, send

pytestmark = pytest.mark.slow


@pytest.fixture(params=["nginx", "gunicorn"])
def target(request, edge):
    """Where the attacker sends the request: nginx, or gunicorn itself from the same machine."""
    return edge.url if request.param == "nginx" else edge.gunicorn_url


def title_of(answer):
    return re.search(r"<title>(.*?)</title>", answer.text)[1]


def test_a_script_name_header_is_ignored_and_poisons_nothing(edge, target):
    attack = send(target, "/articles/children/", headers={"SCRIPT_NAME": "/articles/children/"})
    visitor = send(edge.url, "/articles/children/")
    straight = send(edge.gunicorn_url, "/articles/children/")
    for answer in (attack, visitor, straight):
        assert answer.status == 200
        assert title_of(answer).startswith("Neutropenia in children")
        assert 'href="/articles/children/articles/' not in answer.text


def test_a_host_with_a_port_is_never_reflected_in_links(edge, target):
    attack = send(target, "/articles/treatment/", headers={"Host": "127.0.0.1:10059"})
    visitor = send(edge.url, "/articles/treatment/")
    assert attack.status == visitor.status == 200
    for answer in (attack, visitor):
        assert "10059" not in answer.text
        assert f'<link rel="canonical" href="{edge.url}/articles/treatment/">' in answer.text


def test_a_form_in_utf_16_gets_the_sites_400_page_and_one_log_line(edge, target):
    log = edge.directory / "gunicorn.log"
    lines_before = log.read_text().count("\n")
    answer = send(
        target,
        "/neutrophil-count/",
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-16"},
        body="count=1200".encode("utf-16"),
    )
    assert answer.status == 400
    assert 'id="main-content"' in answer.text
    assert "The site could not read this request" in answer.text
    for name in ["Content-Security-Policy", *SECURITY_HEADERS]:
        assert answer.headers[name], name
    new_lines = log.read_text().splitlines()[lines_before:]
    assert new_lines == ["Bad Request: /neutrophil-count/"]


@pytest.mark.parametrize("accept_encoding", ["gzip;q=0", "gzip; q=0.0, identity"])
def test_gzip_refused_by_the_browser_is_never_sent(target, accept_encoding):
    for _ in range(2):  # the first answer and the kept one
        answer = send(target, "/articles/diagnosis/", headers={"Accept-Encoding": accept_encoding})
        assert answer.status == 200
        assert answer.headers["Content-Encoding"] is None
        assert answer.text.startswith("<!doctype html>")


def test_head_on_robots_txt_answers_like_get(target):
    head, get = send(target, "/robots.txt", method="HEAD"), send(target, "/robots.txt")
    assert head.status == get.status == 200
    assert head.headers["Content-Type"] == get.headers["Content-Type"]
    assert head.body == b""
