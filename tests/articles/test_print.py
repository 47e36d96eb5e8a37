"""Printouts: each article carries its address and a QR code of it for paper. (What paper shows and hides
is tested in a real browser: tests/browser/test_print_view.py.)"""

import pytest
import segno

from articles.qr import qr_svg
from tests.pages import parse


@pytest.mark.django_db
def test_article_page_carries_its_address_and_a_qr_code_for_paper(page, make_article, site_url):
    tree = page(make_article(slug="fever").get_absolute_url())
    block = tree.find("div", class_="print-address")
    assert "print-only" in block.attrs["class"].split()
    url = "https://neutropenia.example.org/articles/fever/"
    assert block.find("span", class_="print-address-url").text() == url
    svg = block.find("svg")
    assert svg.attrs["role"] == "img"
    title = svg.find("title")
    assert title.attrs["id"] == svg.attrs["aria-labelledby"]
    assert title.text() == f"QR code of this page's address: {url}"


@pytest.mark.django_db
def test_printed_address_follows_the_request_host_without_a_site_address(page, make_article):
    tree = page(make_article(slug="fever").get_absolute_url())
    assert tree.find("span", class_="print-address-url").text() == "http://testserver/articles/fever/"


def test_qr_code_draws_the_code_of_the_address():
    url = "https://neutropenia.example.org/articles/fever/"
    drawn = parse(qr_svg(url)).find("path").attrs["d"]
    expected = parse(segno.make(url, error="m").svg_inline(border=4, omitsize=True)).find("path").attrs["d"]
    assert drawn == expected
    assert drawn != parse(qr_svg(url + "#why")).find("path").attrs["d"]


def test_qr_code_svg_has_no_style_attributes_or_elements():
    svg = parse(qr_svg("https://neutropenia.example.org/articles/fever/"))
    for element in svg.iter():
        assert "style" not in element.attrs
        assert element.tag != "style"


def test_qr_code_title_escapes_the_address():
    svg = qr_svg('https://example.org/a?q="<b>&')
    assert parse(svg).find("title").text() == "QR code of this page's address: https://example.org/a?q=\"<b>&"
    assert "<b>" not in svg


def test_qr_codes_of_the_same_address_are_drawn_once():
    qr_svg.cache_clear()
    qr_svg("https://example.org/one/")
    qr_svg("https://example.org/one/")
    assert qr_svg.cache_info().hits == 1
