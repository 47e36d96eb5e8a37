"""The print view: on paper the navigation goes, the care cards stay, and the page ends with its own
address and a QR code of it, named for screen readers."""

import re

from playwright.sync_api import expect

from tests.pages import CHECKER, CHECKER_ANSWERS, SitePage, open_page

HIDDEN_ON_PAPER = [
    ".site-nav", ".site-search", ".breadcrumbs", ".contents", ".pager", ".topics", "nav.related", ".section-link",
    ".page-feedback",
]  # fmt: skip


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


def test_the_printed_scale_reads_in_black_and_white(guide, tab):
    open_page(tab, SitePage("high answer", CHECKER, CHECKER_ANSWERS["high answer"]))
    tab.emulate_media(media="print")
    scale = tab.locator("[data-scale]")
    expect(scale).to_be_visible()
    bands = scale.locator("[data-band]")
    looks = bands.evaluate_all(
        """(bands) => bands.map((band) => {
            const style = getComputedStyle(band);
            return [style.backgroundColor, style.color, style.borderTopColor, parseFloat(style.borderTopWidth)];
        })"""
    )
    assert {look[:3] for look in map(tuple, looks)} == {("rgba(0, 0, 0, 0)", "rgb(0, 0, 0)", "rgb(0, 0, 0)")}
    widths = [look[3] for look in looks]
    yours = bands.evaluate_all("(bands) => bands.map((band) => band.getAttribute('aria-current') === 'true')")
    assert yours.count(True) == 1
    # Without colour, the person's band still stands out: by its heavier frame and its words.
    assert widths[yours.index(True)] > max(width for width, mine in zip(widths, yours, strict=True) if not mine)
    expect(scale.locator("[aria-current=true]")).to_contain_text("Your count: 9,000 cells/µL")
