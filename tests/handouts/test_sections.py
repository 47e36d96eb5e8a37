"""An article's rendered body cut into its opening and sections, as the handout prints them."""

from articles.markdown import render
from handouts.codes import OPENING, section_key
from handouts.sections import for_print, parts
from tests.pages import parse

BODY = "Opening words.\n\n## First part\n\nOne.\n\n> **Get help now if:**\n>\n> - hot\n\n## Second part\n\nTwo.\n"


def test_the_body_is_cut_into_its_opening_and_each_section_in_order():
    found = parts(render(BODY).html)
    assert list(found) == [OPENING, section_key("first-part"), section_key("second-part")]
    assert "Opening words." in found[OPENING]
    assert "One." in found[section_key("first-part")]
    assert "care-card" in found[section_key("first-part")]
    assert "Two." in found[section_key("second-part")]
    assert "One." not in found[section_key("second-part")]


def test_a_body_that_starts_with_a_section_has_no_opening():
    assert OPENING not in parts(render("## Only part\n\nText.\n").html)


def test_printed_parts_keep_their_headings_without_ids_or_section_links():
    printed = parse(for_print(render(BODY).html))
    assert [h2.text() for h2 in printed.find_all("h2")] == ["First part", "Second part"]
    assert all("id" not in h2.attrs for h2 in printed.find_all("h2"))
    assert not printed.find_all("a", class_="section-link")
