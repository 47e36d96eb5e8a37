"""Printouts: the page's address and a QR code of it on paper only; navigation dropped; care cards kept."""

import re

import pytest
import segno
from django.conf import settings

from articles.qr import qr_svg
from tests.html_tree import parse

STYLESHEET = settings.BASE_DIR / "static" / "css" / "site.css"


def css_rules(css):
    """Return (selectors, declarations) pairs of the screen rules and of the @media print rules."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    start = css.index("@media print")
    block_start = css.index("{", start)
    depth, end = 0, block_start
    for end in range(block_start, len(css)):
        depth += {"{": 1, "}": -1}.get(css[end], 0)
        if depth == 0:
            break
    screen = css[:start] + css[end + 1 :]
    printed = css[block_start + 1 : end]

    def rules(text):
        text = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", text)
        return [
            ({s.strip() for s in selectors.split(",")}, " ".join(body.split()))
            for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text)
        ]

    return rules(screen), rules(printed)


def declared(rules, selector, declaration):
    return any(selector in selectors and declaration in body for selectors, body in rules)


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


def test_print_only_parts_are_hidden_on_screen_and_shown_on_paper():
    screen, printed = css_rules(STYLESHEET.read_text())
    assert declared(screen, ".print-only", "display: none")
    assert declared(printed, ".print-only", "display: block")


@pytest.mark.parametrize(
    "selector",
    [".site-nav", ".site-search", ".breadcrumbs", ".pager", ".topics", ".related", ".section-link", ".skip-link"],
)
def test_paper_drops_navigation_and_screen_only_controls(selector):
    _, printed = css_rules(STYLESHEET.read_text())
    assert declared(printed, selector, "display: none")


@pytest.mark.parametrize("selector", [".care-card", ".article-body blockquote"])
def test_paper_keeps_care_cards_framed(selector):
    _, printed = css_rules(STYLESHEET.read_text())
    assert declared(printed, selector, "border")
    assert not declared(printed, selector, "display: none")
