"""The count checker used as a keyboard-only reader uses it: every field found by its label and reached
with Tab, typed into, chosen with Space, sent with Enter, each reading of a unit question chosen with its
own button; then the same checker with JavaScript off."""

import re

import pytest
from playwright.sync_api import expect

from checker.forms import CountForm
from tests.pages import CHECKER

FIELDS = CountForm.base_fields


def choice_label(name, value):
    return str(dict(FIELDS[name].choices)[value])


def label(name):
    """A field's label, in English (the form's labels are lazy translations)."""
    return str(FIELDS[name].label)


def is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def tab_to(tab, locator, limit=80):
    """Press Tab until `locator` has the focus, as a keyboard user would; fail if it never does."""
    for _ in range(limit):
        if is_focused(locator):
            return
        tab.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {locator}")


def choose_unit_cells_per_ul(tab):
    radio = tab.get_by_label(choice_label("unit", "cells_per_ul"))
    tab_to(tab, radio)
    tab.keyboard.press("Space")
    expect(radio).to_be_checked()


def type_into(tab, field_name, text):
    field = tab.get_by_label(label(field_name), exact=True)
    tab_to(tab, field)
    tab.keyboard.type(text)
    return field


def send(tab):
    """Tab to the form's button and press Enter; wait for the answer page."""
    tab_to(tab, tab.get_by_role("button", name="Check my count"))
    with tab.expect_navigation():
        tab.keyboard.press("Enter")


def result_of(tab):
    summary = tab.locator("#answer [data-category]")
    return summary.get_attribute("data-category"), summary.get_attribute("data-anc")


def test_a_normal_count_answers_by_keyboard_alone(guide, tab):
    tab.goto(CHECKER)
    choose_unit_cells_per_ul(tab)
    type_into(tab, "anc", "3200")
    send(tab)
    assert result_of(tab) == ("normal", "3200")
    expect(tab.locator("#answer")).to_contain_text("Neutrophil count: 3,200")


def test_a_field_error_is_summarised_and_links_to_its_field(guide, tab):
    tab.goto(CHECKER)
    choose_unit_cells_per_ul(tab)
    field = type_into(tab, "anc", "lots")
    send(tab)
    assert tab.title().startswith("Error:")
    summary = tab.locator(".error-summary")
    expect(summary).to_be_visible()
    link = summary.get_by_role("link", name="Enter the neutrophil count as a number, like 1.2 or 1,200")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(re.compile("Enter the neutrophil count as a number"))

    tab.keyboard.press("Tab")
    assert is_focused(link), "the first Tab after an error should reach the error summary's first link"
    tab.keyboard.press("Enter")
    assert is_focused(field), "following the summary's link should put the focus in the field"

    tab.keyboard.press("Control+A")
    tab.keyboard.type("800")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert result_of(tab) == ("moderate", "800")


def test_a_low_count_with_fever_puts_the_emergency_card_first(guide, tab):
    tab.goto(CHECKER)
    choose_unit_cells_per_ul(tab)
    type_into(tab, "anc", "400")
    type_into(tab, "temperature", "38.5")
    send(tab)
    cards = tab.locator("#answer [data-urgency]")
    assert cards.first.get_attribute("data-urgency") == "emergency"
    expect(cards.first).to_be_visible()
    # The emergency card comes before the result itself, so it is the first thing read.
    first_section = tab.locator("#answer > section").first
    assert first_section.get_attribute("data-urgency") == "emergency"
    assert result_of(tab) == ("severe", "400")


def test_feeling_unwell_is_ticked_with_space(guide, tab):
    tab.goto(CHECKER)
    choose_unit_cells_per_ul(tab)
    type_into(tab, "anc", "900")
    unwell = tab.get_by_label(label("feels_unwell"))
    tab_to(tab, unwell)
    tab.keyboard.press("Space")
    expect(unwell).to_be_checked()
    send(tab)
    assert tab.locator("#answer [data-urgency]").first.get_attribute("data-urgency") == "emergency"


def press_button(tab, name):
    """Tab to the button named `name` and press Enter; wait for the answer page."""
    tab_to(tab, tab.get_by_role("button", name=name, exact=True))
    with tab.expect_navigation():
        tab.keyboard.press("Enter")


@pytest.mark.parametrize(
    ("button", "result"),
    [("Use 1.2 ×10⁹/L (1,200 cells/µL)", ("mild", "1200")), ("Keep 1.2 cells/µL", ("profound", "1"))],
)
def test_each_reading_of_a_unit_question_is_its_own_button(guide, tab, button, result):
    tab.goto(CHECKER)
    choose_unit_cells_per_ul(tab)
    type_into(tab, "anc", "1.2")
    send(tab)
    expect(tab.get_by_role("heading", name="Did you mean 1.2 ×10⁹/L (1,200 cells/µL)?")).to_be_visible()
    expect(tab.locator("#answer [data-urgency]")).to_have_count(1)
    press_button(tab, button)
    assert result_of(tab) == result


def test_answering_a_unit_question_leads_on_to_an_answer_never_back(guide, tab):
    tab.goto(CHECKER)
    choose_unit_cells_per_ul(tab)
    type_into(tab, "anc", "1.2")
    type_into(tab, "lab_lower_limit", "1800")
    type_into(tab, "temperature", "39")
    send(tab)
    urgencies = tab.locator("#answer [data-urgency]")
    assert urgencies.evaluate_all("(cards) => cards.map((card) => card.dataset.urgency)") == ["emergency", "urgent"]
    press_button(tab, "Use 1.2 ×10⁹/L (1,200 cells/µL)")
    expect(
        tab.get_by_role("heading", name="Did you mean a lower limit of 1,800 cells/µL (1.8 ×10⁹/L)?")
    ).to_be_visible()
    expect(tab.get_by_role("button", name="Use 1.2 ×10⁹/L (1,200 cells/µL)")).to_have_count(0)
    press_button(tab, "Use 1,800 cells/µL (1.8 ×10⁹/L)")
    assert result_of(tab) == ("mild", "1200")
    assert urgencies.first.get_attribute("data-urgency") == "emergency"


def test_the_result_shows_where_the_count_sits_on_the_scale(guide, tab):
    tab.goto(CHECKER)
    choose_unit_cells_per_ul(tab)
    type_into(tab, "anc", "9000")
    send(tab)
    scale = tab.locator("#answer [data-scale]")
    expect(scale).to_be_visible()
    expect(scale.locator("figcaption")).to_contain_text("9,000 cells/µL is in the band High, above 7,700")
    yours = scale.get_by_role("listitem").filter(has_text="Your count")
    expect(yours).to_have_count(1)
    expect(yours).to_have_attribute("aria-current", "true")
    expect(yours).to_have_attribute("data-band", "high")
    # The scale is a picture with words, not a control: nothing in it stops a keyboard user.
    assert scale.evaluate("(figure) => figure.querySelectorAll('a, button, input, [tabindex]').length") == 0


def answer_text(tab, fields):
    """Fill the checker by its labels, send it, and return the answer's text."""
    tab.goto(CHECKER)
    tab.get_by_label(choice_label("unit", "cells_per_ul")).check()
    for name, value in fields.items():
        tab.get_by_label(label(name), exact=True).fill(value)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Check my count").click()
    return tab.locator("#answer").inner_text()


@pytest.mark.parametrize(
    "fields",
    [
        {"anc": "400", "temperature": "38.5"},
        {"anc": "1200"},
        {"anc": "9000"},
        {"anc": "1.2"},
        {"anc": "0.3", "temperature": "39"},
        {"anc": "lots"},
        {"temperature": "39"},
    ],
    ids=[
        "emergency",
        "mild with its scale",
        "high with its scale",
        "unit question",
        "question with cards",
        "error",
        "error with cards",
    ],
)
def test_the_checker_gives_the_same_answer_with_javascript_off(guide, browser, live_server, tab, fields):
    with_script = answer_text(tab, fields)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    without_script = answer_text(context.new_page(), fields)
    context.close()
    assert without_script.strip()
    assert without_script == with_script
