import datetime

import pytest

from articles.frontmatter import ArticleFile, FileApproval, FrontMatterError, dump, parse

GOOD = """---
title: What is neutropenia?
slug: overview
summary: A low count of the cells that fight bacteria.
order: 1
status: published
related:
  - causes
  - symptoms
approved_by: Dr A. Example
approver_role: Consultant haematologist
approved_on: 2026-11-01
next_review: 2027-11-01
---
## Section

Body text.
"""


APPROVED = "---\ntitle: T\nslug: t\napproved_by: A\napprover_role: B\napproved_on: {on}\nnext_review: {next}\n---\nBody"


def test_a_complete_file_is_read_whole():
    article = parse(GOOD)
    assert article == ArticleFile(
        title="What is neutropenia?",
        slug="overview",
        summary="A low count of the cells that fight bacteria.",
        order=1,
        status="published",
        related=["causes", "symptoms"],
        approval=FileApproval(
            approved_by="Dr A. Example",
            approver_role="Consultant haematologist",
            approved_on=datetime.date(2026, 11, 1),
            next_review=datetime.date(2027, 11, 1),
        ),
        body="## Section\n\nBody text.\n",
    )


def test_optional_keys_take_their_defaults():
    article = parse("---\ntitle: T\nslug: t\n---\nBody")
    assert (article.status, article.order, article.related, article.approval) == ("published", 0, [], None)


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
        ("---\ntitle: T\nslug: t\nlast_reviewed: 2026-11-01\n---\nBody", "last_reviewed can no longer be set by hand"),
        ("---\ntitle: T\nslug: t\nreviewer: Nurse\n---\nBody", "reviewer can no longer be set by hand"),
        (
            "---\ntitle: T\nslug: t\nnext_review: 2027-01-01\n---\nBody",
            "missing approved_by, approver_role, approved_on",
        ),
        (APPROVED.format(on="2026-13-45", next="2027-01-01"), "approved_on '2026-13-45' is not a date"),
        (APPROVED.format(on="2026-11-01", next="soon"), "next_review 'soon' is not a date"),
        (APPROVED.format(on="2026-11-01", next="2026-11-01"), "next_review must be after approved_on"),
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


SITE_LANGUAGES = ("en-gb", "es")
SPANISH = "---\ntitle: Fiebre\nslug: fiebre\nlang: es\ntranslation_of: fever\nrelated: [ninos]\n---\nCuerpo."


def test_a_translation_names_its_language_and_the_english_article_it_translates():
    article = parse(SPANISH, SITE_LANGUAGES)
    assert (article.language, article.translation_of, article.related) == ("es", "fever", ["ninos"])


def test_a_file_without_lang_is_english_and_translates_nothing():
    article = parse("---\ntitle: T\nslug: t\n---\nBody", SITE_LANGUAGES)
    assert (article.language, article.translation_of) == ("en-gb", "")


def test_dump_writes_lang_and_translation_of_only_for_a_translation():
    spanish = parse(SPANISH, SITE_LANGUAGES)
    assert "lang: es\ntranslation_of: fever\n" in dump(spanish)
    assert parse(dump(spanish), SITE_LANGUAGES) == spanish
    english = dump(parse(GOOD))
    assert "lang:" not in english
    assert "translation_of:" not in english


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: T\nslug: t\nlang: fr\n---\nBody", "lang 'fr' is not one of the site's languages: en-gb, es"),
        ("---\ntitle: T\nslug: t\ntranslation_of: fever\n---\nBody", "translation_of is for a translation"),
        ("---\ntitle: T\nslug: t\nlang: es\ntranslation_of: la fiebre\n---\nBody", "translation_of 'la fiebre'"),
    ],
)
def test_a_bad_language_or_source_is_refused_with_the_reason(text, message):
    with pytest.raises(FrontMatterError, match=message):
        parse(text, SITE_LANGUAGES)


def test_only_the_languages_given_are_accepted():
    with pytest.raises(FrontMatterError, match="lang 'es' is not one of the site's languages: en-gb"):
        parse(SPANISH)
