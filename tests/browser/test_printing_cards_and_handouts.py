"""The fever card and the handouts on paper (Chromium's print media and PDFs on A4 and US Letter): what
prints and what does not."""

import re

from playwright.sync_api import expect

PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
PAPER = ["A4", "Letter"]
COLOURS = "elements => elements.map((element) => getComputedStyle(element).color)"


def pages_printed(tab, paper):
    return len(PDF_PAGE.findall(tab.pdf(format=paper, print_background=False)))


def test_a_printed_fever_card_is_only_the_card(guide, tab):
    tab.goto("/fever-card/")
    tab.get_by_label("Your care team's 24-hour number").fill("0161 496 0713")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Make my card").click()
    card = tab.locator(".fever-card")
    expect(card).to_contain_text("24-hour number: 0161 496 0713")
    tab.emulate_media(media="print")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Tell them: “I may have a low neutrophil count (neutropenic sepsis risk).”")
    expect(card.get_by_role("img", name=re.compile("QR code of the guide's page on fever"))).to_be_visible()
    for hidden in ["#fever-card-form", ".privacy-note", ".site-header", ".site-footer", "h1"]:
        expect(tab.locator(hidden)).to_be_hidden()
    # Two credit-card panels side by side: 172 mm wide (650 CSS pixels), each panel 54 mm (204 px) tall.
    box = card.bounding_box()
    assert 640 < box["width"] < 660, box
    panels = [panel.bounding_box() for panel in card.locator(".fever-card-panel").all()]
    assert [round(panel["height"]) for panel in panels] == [204, 204]
    assert panels[0]["y"] == panels[1]["y"]
    for paper in PAPER:
        assert pages_printed(tab, paper) == 1, paper


def test_a_handout_built_by_ticking_prints_one_article_a_sheet_then_the_fever_card(guide, tab, live_server):
    tab.goto("/handout/")
    tab.get_by_role("group", name="Fever and when to get help", exact=True).get_by_label("The whole article").check()
    overview = tab.get_by_role("group", name="What is neutropenia?", exact=True)
    overview.get_by_label("The opening, before the first section").check()
    overview.get_by_label(re.compile("Place in the handout")).fill("20")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Make the handout").click()
    assert re.fullmatch(rf"{live_server.url}/handout/[0-9a-z.\-]+/", tab.url)
    titles = tab.locator(".handout-article-title")
    expect(titles).to_have_text(["Fever and when to get help", "What is neutropenia?"])
    tab.emulate_media(media="print")
    for hidden in [".site-nav", ".site-search", ".print-button-row", ".page-feedback", ".section-link"]:
        for element in tab.locator(hidden).all():
            expect(element).to_be_hidden()
    expect(tab.locator(".handout-header .print-address-url")).to_have_text(tab.url)
    for article in tab.locator(".handout-article").all():
        expect(article.locator(".print-address-url")).to_be_visible()
        expect(article.get_by_role("img", name=re.compile("QR code of the page's address"))).to_be_visible()
    expect(tab.locator(".handout-fever-card .fever-card")).to_be_visible()
    cards = tab.locator(".handout-article .care-card")
    assert cards.count() >= 1
    for card in cards.all():
        assert card.evaluate("card => getComputedStyle(card).breakInside") == "avoid"
    for article in tab.locator(".handout-article").all():
        assert article.evaluate("article => getComputedStyle(article).breakBefore") == "page"
    # Black and white: black text and links, no background behind the care cards.
    assert set(tab.locator(".handout p, .handout a, .handout li").evaluate_all(COLOURS)) == {"rgb(0, 0, 0)"}
    assert {card.evaluate("card => getComputedStyle(card).backgroundColor") for card in cards.all()} == {
        "rgba(0, 0, 0, 0)"
    }
    for paper in PAPER:
        # The header and the fever article's start, the overview, the fever card: at least one sheet each.
        assert pages_printed(tab, paper) >= 3, paper
