"""The checks before publishing, as pure functions: no Django, no database."""

import pytest

from editing.checks import LinkedArticle, check

ARTICLES = {
    "fever": LinkedArticle(slug="fever", live=True),
    "new-page": LinkedArticle(slug="new-page", live=False),
    "old-fever": LinkedArticle(slug="fever", live=True),  # an old slug of "fever"
}
SPANISH_ARTICLES = {"fiebre": LinkedArticle(slug="fiebre", live=True)}
WORDS = {"neutropenia": "low neutrophil count", "G-CSF": "medicine", "haematologist": "blood doctor"}


def find_article(prefix, slug):
    """The articles above at /articles/<slug>/, and SPANISH_ARTICLES at /es/articles/<slug>/."""
    return {"": ARTICLES, "/es": SPANISH_ARTICLES}.get(prefix, {}).get(slug)


def problems(markdown):
    return [(problem.line, problem.kind) for problem in check(markdown, find_article, WORDS)]


@pytest.mark.parametrize(
    ("markdown", "found"),
    [
        # images: the same rule that blocks publishing (articles.markdown.describes_nothing)
        ("![A thermometer showing 38.2](/media/images/a.png)", []),
        ("Text\n\n![](/media/images/a.png)", [(3, "undescribed_image")]),
        ("![Describe the image for someone who cannot see it](/media/images/a.png)", [(1, "undescribed_image")]),
        ("![   ](/media/images/a.png)", [(1, "undescribed_image")]),
        # a decorative image, marked as the desk's "decorative image" choice writes it, is meant to be empty
        ("![](/media/images/a.png)<!-- decorative -->", []),
        ("![](/media/images/a.png) <!-- decorative -->", [(1, "undescribed_image")]),
        ("![](/media/images/a.png)<!-- decorative -->![](/media/images/b.png)", [(1, "undescribed_image")]),
        # link text
        ("[How to take your temperature](/articles/fever/)", []),
        ("[click here](/articles/fever/)", [(1, "vague_link")]),
        ("See [Read more.](/articles/fever/)", [(1, "vague_link")]),
        ("[here](https://www.nhs.uk/)", [(1, "vague_link")]),
        ("[this page](https://www.nhs.uk/)", [(1, "vague_link")]),
        ("[https://www.nhs.uk/](https://www.nhs.uk/)", [(1, "vague_link")]),
        ("[www.nhs.uk](https://www.nhs.uk/)", [(1, "vague_link")]),
        # headings
        ("## Causes\n\n### Medicines\n\n## Symptoms", []),
        ("### Medicines", [(1, "heading")]),
        ("## Causes\n\n#### Medicines", [(3, "heading")]),
        ("Intro\n\n# Causes", [(3, "heading")]),
        ("```\n# a comment in code\n```", []),
        # links to articles
        ("[When to get help](/articles/fever/#call-now)", []),
        ("[When to get help](/articles/no-such-page/)", [(1, "missing_article")]),
        ("[A page being written](/articles/new-page/)", [(1, "not_live")]),
        ("[When to get help](/articles/old-fever/)", [(1, "old_address")]),
        ("[The NHS on fever](https://www.nhs.uk/articles/nothing/)", []),
        # links to a language's articles are looked up in that language
        ("[Cuándo pedir ayuda](/es/articles/fiebre/#llame-ahora)", []),
        ("[Cuándo pedir ayuda](/es/articles/fever/)", [(1, "missing_article")]),
        ("[When to get help](/articles/fiebre/)", [(1, "missing_article")]),
        # medical words: the first use needs plain words in its sentence, or brackets
        ("Neutropenia means a low neutrophil count.", []),
        ("You may have neutropenia. It is common.", [(1, "medical_word")]),
        ("A low count of these cells (neutropenia) is common.", []),
        ("You may be given G-CSF (a medicine that helps the body make these cells).", []),
        ("Ask a haematologist. A blood doctor knows.", [(1, "medical_word")]),
        ("Ask a blood doctor (haematologist).\n\nThe haematologist will explain.", []),
        ("Many haematologists agree.", [(1, "medical_word")]),
        ("Neutropenia means you have a low number of one type of white blood cell.", []),
        ("Neutropenias-like words are not neutropenia-related.", []),
        ("Text first.\n\nYou may have neutropenia.\n\nNeutropenia again.", [(3, "medical_word")]),
    ],
)
def test_each_problem_is_found_on_its_line(markdown, found):
    assert problems(markdown) == found


def test_problems_come_in_line_order_and_only_two_kinds_block():
    markdown = "### Late\n\n[here](/articles/gone/)\n\n![](/media/images/a.png)\n\nYou have neutropenia."
    found = check(markdown, find_article, WORDS)
    assert [problem.line for problem in found] == [1, 3, 3, 5, 7]
    assert {problem.kind for problem in found if problem.blocks} == {"missing_article", "undescribed_image"}


def test_a_word_the_glossary_defines_is_explained_by_its_link():
    assert check("You may have neutropenia.", find_article, WORDS, defined={"neutropenia"}) == []
    assert [p.kind for p in check("Ask a haematologist.", find_article, WORDS, defined={"neutropenia"})] == [
        "medical_word"
    ]


def test_an_old_address_is_answered_with_the_current_one():
    (problem,) = check("[Fever](/articles/old-fever/)", find_article, WORDS)
    assert "/articles/fever/" in problem.message


def test_a_medical_word_problem_offers_its_plain_words():
    (problem,) = check("Ask your haematologist.", find_article, WORDS)
    assert "blood doctor" in problem.message
