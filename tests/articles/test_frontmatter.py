import datetime

import pytest

from articles.frontmatter import ArticleFile, FrontMatterError, dump, parse

GOOD = """---
title: What is neutropenia?
slug: overview
summary: A low count of the cells that fight bacteria.
order: 1
status: published
related:
  - causes
  - symptoms
last_reviewed: 2026-11-01
next_review: 2027-11-01
reviewer: Consultant haematologist
---
## Section

Body text.
"""


def test_a_complete_file_is_read_whole():
    article = parse(GOOD)
    assert article == ArticleFile(
        title="What is neutropenia?",
        slug="overview",
        summary="A low count of the cells that fight bacteria.",
        order=1,
        status="published",
        related=["causes", "symptoms"],
        last_reviewed=datetime.date(2026, 11, 1),
        next_review=datetime.date(2027, 11, 1),
        reviewer="Consultant haematologist",
        body="## Section\n\nBody text.\n",
    )


def test_optional_keys_take_their_defaults():
    article = parse("---\ntitle: T\nslug: t\n---\nBody")
    assert (article.status, article.order, article.related, article.last_reviewed) == ("published", 0, [], None)


def test_dump_then_parse_gives_the_same_article():
    article = parse(GOOD)
    assert parse(dump(article)) == article


def test_dump_keeps_awkward_titles_intact():
    article = ArticleFile(title='Fever: "38°C" & more', slug="fever", body="x\n", summary="Yes: no")
    assert parse(dump(article)) == article


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## No front matter\n", "no front matter"),
        ("---\ntitle: T\nslug: t\n", "no front matter"),
        ("---\nslug: t\n---\nBody", "missing title"),
        ("---\ntitle: T\n---\nBody", "missing slug"),
        ("---\ntitle: T\nslug: not a slug\n---\nBody", "slug 'not a slug'"),
        ("---\ntitle: T\nslug: t\nlast_reviewed: 2026-13-45\n---\nBody", "last_reviewed '2026-13-45' is not a date"),
        ("---\ntitle: T\nslug: t\nnext_review: soon\n---\nBody", "next_review 'soon' is not a date"),
        ("---\ntitle: T\nslug: t\nstatus: live\n---\nBody", "status 'live'"),
        ("---\ntitle: T\nslug: t\norder: first\n---\nBody", "order 'first'"),
        ("---\ntitle: T\nslug: t\nrelated: causes\n---\nBody", "related must be a list"),
        ("---\ntitle: T\nslug: t\ncolour: red\n---\nBody", "unknown key(s) colour"),
        ("---\ntitle: [unclosed\n---\nBody", "not valid YAML"),
        ("---\n- a list\n---\nBody", "'key: value' lines"),
    ],
)
def test_malformed_files_are_refused_with_the_reason(text, message):
    with pytest.raises(FrontMatterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse(text)
