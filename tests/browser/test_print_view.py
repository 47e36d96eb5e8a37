"""The print view: on paper the navigation goes, the care cards stay, and the page ends with its own
address and a QR code of it, named for screen readers."""

import re

from playwright.sync_api import expect

from tests.browser.site_pages import CHECKER, CHECKER_ANSWERS, SitePage, open_page

HIDDEN_ON_PAPER = [
    ".site-nav",
    ".site-search",
    ".breadcrumbs",
    ".contents",
    ".pager",
    ".topics",
    "nav.related",
    ".page-feedback",
]


def test_a_printed_article_keeps_its_care_cards_and_drops_the_navigation(guide, tab):
    tab.goto("/articles/fever/")
    tab.emulate_media(media="print")
    for selector in HIDDEN_ON_PAPER:
        expect(tab.locator(selector).first).to_be_hidden()
    expect(tab.locator("h1")).to_be_visible()
    cards = tab.locator(".article-body .care-card")
    assert cards.count() >= 1
    for card in cards.all():
        expect(card).to_be_visible()


def test_a_printed_article_ends_with_its_address_and_a_named_qr_code(guide, tab, live_server):
    tab.goto("/articles/fever/")
    address = f"{live_server.url}/articles/fever/"
    block = tab.locator(".print-address")
    expect(block).to_be_hidden()
    tab.emulate_media(media="print")
    expect(block).to_be_visible()
    expect(block.locator(".print-address-url")).to_have_text(address)
    qr_code = block.get_by_role("img", name=f"QR code of this page's address: {address}")
    expect(qr_code).to_be_visible()
    width = qr_code.bounding_box()["width"]
    assert width > 50, f"the QR code prints {width}px wide, too small to scan"


def test_a_printed_checker_answer_keeps_the_cards_and_drops_the_form(guide, tab):
    open_page(tab, SitePage("emergency answer", CHECKER, CHECKER_ANSWERS["emergency answer"]))
    tab.emulate_media(media="print")
    expect(tab.locator("#count-form")).to_be_hidden()
    expect(tab.locator(".site-nav")).to_be_hidden()
    for urgency in ("emergency", "urgent"):
        expect(tab.locator(f"[data-urgency={urgency}]")).to_be_visible()
    expect(tab.locator(".result-summary")).to_contain_text(re.compile("Neutrophil count: 400"))
