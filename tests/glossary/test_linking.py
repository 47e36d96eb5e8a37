"""Glossary links in rendered articles (pure: articles.markdown.render with a glossary, no database)."""

from articles.markdown import GlossaryTerm, render
from tests.pages import parse

GLOSSARY = (
    GlossaryTerm(("Neutropenia",), "/glossary/#neutropenia"),
    GlossaryTerm(("Febrile neutropenia", "neutropenic fever"), "/glossary/#febrile-neutropenia"),
    GlossaryTerm(("G-CSF", "granulocyte colony-stimulating factor"), "/glossary/#g-csf"),
    GlossaryTerm(("Sepsis",), "/glossary/#sepsis"),
)


def links(markdown_text):
    tree = parse(render(markdown_text, GLOSSARY).html)
    return [(a.text(), a.attrs["href"]) for a in tree.find_all("a", class_="glossary-link")]


def test_the_first_use_of_each_term_links_to_its_entry_and_later_uses_do_not():
    found = links("Neutropenia is common. Neutropenia again, and sepsis.\n\nMore about neutropenia.")
    assert found == [("Neutropenia", "/glossary/#neutropenia"), ("sepsis", "/glossary/#sepsis")]


def test_the_longest_name_wins_and_other_names_link_too():
    found = links("A neutropenic fever, then febrile neutropenia, then granulocyte colony-stimulating factor.")
    # "febrile neutropenia" is a second use of its term, not a use of "neutropenia".
    assert found == [
        ("neutropenic fever", "/glossary/#febrile-neutropenia"),
        ("granulocyte colony-stimulating factor", "/glossary/#g-csf"),
    ]


def test_only_whole_words_link():
    assert links("Neutropenias and presepsis are not terms here.") == []


def test_no_link_inside_headings_links_code_or_care_cards():
    body = (
        "## What neutropenia means\n\n"
        "> **Get medical help now if:**\n>\n> - you may have sepsis\n\n"
        "See [neutropenia explained](/articles/overview/) and `G-CSF`.\n\n"
        "Then sepsis and neutropenia and G-CSF here."
    )
    tree = parse(render(body, GLOSSARY).html)
    assert not tree.find("h2").find_all("a", class_="glossary-link")
    assert not tree.find("div", class_="care-card").find_all("a", class_="glossary-link")
    found = [(a.text(), a.attrs["href"]) for a in tree.find_all("a", class_="glossary-link")]
    assert found == [
        ("sepsis", "/glossary/#sepsis"),
        ("neutropenia", "/glossary/#neutropenia"),
        ("G-CSF", "/glossary/#g-csf"),
    ]


def test_words_around_a_link_are_kept_in_order():
    html = render("Before sepsis middle neutropenia after.", GLOSSARY).html
    assert parse(html).text() == "Before sepsis middle neutropenia after."


def test_without_a_glossary_nothing_is_linked():
    assert "glossary-link" not in render("Neutropenia and sepsis.").html


def test_a_term_with_markup_characters_is_matched_as_plain_text():
    glossary = (GlossaryTerm(("a+b (c)",), "/glossary/#odd"),)
    assert 'href="/glossary/#odd"' in render("Here a+b (c) is.", glossary).html
