"""The Spanish count checker in Chromium: filled in by its Spanish labels with numbers written the Spanish
way, the same answer with JavaScript on and off, and no axe violation on any kind of answer."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from checker.forms import CountForm
from tests.browser.axe_checks import AXE_OPTIONS, axe, described
from tests.pages import SitePage, open_page

CHECKER = "/es/neutrophil-count/"

# Each kind of answer, with the numbers as a Spanish report prints them.
ANSWERS = {
    "emergency": {"unit": "cells_per_ul", "anc": "400", "temperature": "38,5"},
    "mild with its scale": {"unit": "x10e9_per_l", "anc": "1,2"},
    "high with its scale": {"unit": "cells_per_ul", "anc": "9.000"},
    "worked out": {"unit": "x10e9_per_l", "wbc": "4,5", "neutrophils_pct": "40", "bands_pct": "2"},
    "lab range": {"unit": "x10e9_per_l", "anc": "1,75", "lab_lower_limit": "1,8", "lab_upper_limit": "7,5"},
    "baby with fever": {"unit": "cells_per_ul", "anc": "3.000", "age_group": "young_infant", "temperature": "38,5"},
    "unit question": {"unit": "cells_per_ul", "anc": "1,2"},
    "question with cards": {"unit": "cells_per_ul", "anc": "0,3", "temperature": "39"},
    "errors": {"unit": "cells_per_ul", "anc": "mucho", "temperature": "38.5"},
    "errors with cards": {"unit": "cells_per_ul", "feels_unwell": "on"},
}


def spanish_label(name, value=None):
    """The Spanish label of a field, or of one of its choices."""
    field = CountForm.base_fields[name]
    with translation.override("es"):
        return str(dict(field.choices)[value] if value is not None else field.label)


def answer_text(tab, fields):
    """Fill the Spanish checker by its Spanish labels, send it, and return the answer's text."""
    tab.goto(CHECKER)
    for name, value in fields.items():
        if name in ("unit", "age_group"):
            tab.get_by_label(spanish_label(name, value)).check()
        elif name == "feels_unwell":
            tab.get_by_label(spanish_label(name)).check()
        else:
            tab.get_by_label(spanish_label(name), exact=True).fill(value)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Comprobar mi recuento").click()
    return tab.locator("#answer").inner_text()


@pytest.mark.parametrize("fields", ANSWERS.values(), ids=ANSWERS.keys())
def test_the_spanish_checker_gives_the_same_answer_with_javascript_off(guide, browser, live_server, tab, fields):
    with_script = answer_text(tab, fields)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    without_script = answer_text(context.new_page(), fields)
    context.close()
    assert "Consejo urgente:" in without_script, "the standing fever card is on every answer"
    assert without_script == with_script


def test_a_spanish_unit_question_leads_on_to_an_answer(guide, tab):
    answer_text(tab, {"unit": "cells_per_ul", "anc": "1,2"})
    expect(tab.get_by_role("heading", name="¿Quiso decir 1,2 ×10³/µL (1.200 células/µL)?")).to_be_visible()
    with tab.expect_navigation():
        tab.get_by_role("button", name="Usar 1,2 ×10³/µL (1.200 células/µL)").click()
    summary = tab.locator("#answer [data-category]")
    expect(summary).to_have_attribute("data-category", "mild")
    expect(summary).to_contain_text("1.200 células/µL")


@pytest.fixture(params=["light", "dark"])
def scheme(request, tab):
    tab.emulate_media(color_scheme=request.param)
    return request.param


def test_no_spanish_checker_page_has_an_axe_violation(guide, tab, scheme):
    pages = [SitePage("checker", CHECKER)] + [SitePage(name, CHECKER, answer) for name, answer in ANSWERS.items()]
    found = []
    for site_page in pages:
        open_page(tab, site_page)
        assert tab.locator("html").get_attribute("lang") == "es"
        violations = axe.run(tab, options=AXE_OPTIONS).response["violations"]
        found.extend(f"{site_page.name}: {line}" for line in described(violations))
    assert not found, f"axe found {len(found)} problems in the {scheme} scheme:\n" + "\n".join(found)
