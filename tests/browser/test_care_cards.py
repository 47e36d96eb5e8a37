"""Care cards name their urgency to screen readers, in words that sighted readers get from the card's
colour and border: in the articles and in the checker's answers."""

import re

from playwright.sync_api import expect

from tests.pages import CHECKER, CHECKER_ANSWERS, SitePage, open_page


def test_article_care_cards_are_read_out_as_needing_immediate_action(guide, tab):
    tab.goto("/articles/fever/")
    cards = tab.locator(".article-body .care-card")
    assert cards.count() >= 1
    for card in cards.all():
        assert "Immediate action required:" in card.aria_snapshot()
        # Sighted readers see the bold heading and the card's colour, not the words.
        expect(card.locator(".visually-hidden")).to_have_text(re.compile("Immediate action required"))


def test_checker_cards_name_their_urgency_in_their_accessible_names(guide, tab):
    open_page(tab, SitePage("emergency answer", CHECKER, CHECKER_ANSWERS["emergency answer"]))
    emergency = tab.get_by_role("region", name=re.compile(r"^Immediate action required: Get medical help now"))
    urgent = tab.get_by_role("region", name=re.compile(r"^Urgent advice: If you get a fever"))
    expect(emergency).to_have_attribute("data-urgency", "emergency")
    expect(urgent).to_have_attribute("data-urgency", "urgent")
    expect(tab.get_by_role("heading", name=re.compile(r"^Immediate action required:"))).to_have_count(1)


def test_a_normal_answer_carries_only_the_urgent_fever_card(guide, tab):
    open_page(tab, SitePage("normal answer", CHECKER, CHECKER_ANSWERS["normal answer"]))
    expect(tab.get_by_role("region", name=re.compile(r"^Immediate action required"))).to_have_count(0)
    expect(tab.get_by_role("region", name=re.compile(r"^Urgent advice:"))).to_have_count(1)
