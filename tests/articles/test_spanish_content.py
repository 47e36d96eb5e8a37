"""The bundled Spanish articles (articles/content/es/): each is a whole, plain translation of an English one.

Every file of the folder is checked, so a new translation is held to the same rules the day it is added.
"""

import re
from pathlib import Path

import pytest
import yaml

from articles.frontmatter import FRONT_MATTER_PATTERN, ArticleFile, parse
from articles.guide_slugs import TRANSLATED_SLUGS
from articles.markdown import render
from editing.readability import inflesz

CONTENT = Path(__file__).resolve().parents[2] / "articles" / "content"
SPANISH_FILES = sorted((CONTENT / "es").glob("*.md"))
# The project's fixed Spanish slugs (issue 16), English slug first.
SPANISH_SLUGS = TRANSLATED_SLUGS["es"]
LOWEST_INFLESZ = 65  # "bastante fácil" (Barrio-Cantalejo et al. 2008), the content guide's aim for Spanish
TRANSLATION_KEYS = ("lang", "translation_of")
LINK = re.compile(r"\]\((/[^)\s]*)\)")


def spanish_address(english: str) -> str:
    """The Spanish address of a site address of an English article: /es/ before it, the article's Spanish slug."""
    article = re.fullmatch(r"/articles/([-\w]+)/", english)
    return f"/es/articles/{SPANISH_SLUGS[article[1]]}/" if article else f"/es{english}"


def read_spanish(path: Path) -> tuple[ArticleFile, dict]:
    """The article of a Spanish file read by articles/frontmatter.py, and its `lang` and `translation_of`.

    frontmatter.py does not know those two keys yet (branch es-articles adds them), so they are read here
    from the YAML header and taken out of what parse() is given; every other key goes through parse().
    """
    text = path.read_text(encoding="utf-8")
    front, body = FRONT_MATTER_PATTERN.match(text).groups()
    data = yaml.safe_load(front)
    translation = {key: data.pop(key, None) for key in TRANSLATION_KEYS}
    rest = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return parse(f"---\n{rest}---\n{body}"), translation


def english_of(translation: dict) -> ArticleFile:
    return parse((CONTENT / f"{translation['translation_of']}.md").read_text(encoding="utf-8"))


def test_each_english_article_has_at_most_one_spanish_translation_and_these_five_have_one():
    translated = [read_spanish(path)[1]["translation_of"] for path in SPANISH_FILES]
    assert len(translated) == len(set(translated))
    assert {"overview", "causes", "symptoms", "diagnosis", "blood-test"} <= set(translated)


@pytest.fixture(params=SPANISH_FILES, ids=lambda path: path.stem)
def spanish_path(request) -> Path:
    return request.param


@pytest.fixture
def spanish(spanish_path) -> tuple[ArticleFile, dict]:
    return read_spanish(spanish_path)


def test_a_spanish_file_translates_an_existing_english_file_under_its_fixed_slug(spanish):
    article, translation = spanish
    assert translation["lang"] == "es"
    assert (CONTENT / f"{translation['translation_of']}.md").is_file()
    assert article.slug == SPANISH_SLUGS[translation["translation_of"]]
    assert english_of(translation).slug == translation["translation_of"]


def test_a_spanish_file_is_named_for_its_slug(spanish, spanish_path):
    assert spanish_path.stem == spanish[0].slug


def test_a_spanish_file_keeps_the_english_order_status_and_related_articles_in_spanish(spanish):
    article, translation = spanish
    english = english_of(translation)
    assert (article.order, article.status) == (english.order, english.status)
    assert article.related == [SPANISH_SLUGS[slug] for slug in english.related]


def test_a_spanish_file_has_its_own_title_and_summary_and_no_approval(spanish):
    article, translation = spanish
    english = english_of(translation)
    assert article.title != english.title
    assert article.summary
    assert article.summary != english.summary
    assert article.approval is None  # no clinician has approved the translation


def test_a_spanish_body_keeps_every_link_of_the_english_body_at_its_spanish_address(spanish):
    article, translation = spanish
    english_links = LINK.findall(english_of(translation).body)
    assert LINK.findall(article.body) == [spanish_address(link) for link in english_links]


def test_a_spanish_body_keeps_the_english_care_cards_and_sections(spanish):
    article, translation = spanish
    english = render(english_of(translation).body)
    rendered = render(article.body)
    assert rendered.html.count('class="care-card"') == english.html.count('class="care-card"') >= 1
    assert len(rendered.sections) == len(english.sections)
    assert {section_id for section_id, _ in rendered.sections}.isdisjoint(dict(english.sections))


def test_a_spanish_article_reads_at_inflesz_65_or_above(spanish):
    article, _ = spanish
    measured = inflesz(render(article.body).text)  # the plain text the plain-language panel measures
    assert measured.score >= LOWEST_INFLESZ, f"{article.slug}: INFLESZ {measured.score} ({measured.band})"
