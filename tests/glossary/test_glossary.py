"""The glossary through the test client and the database: its page, its links in articles kept in step
with the terms, search, the sitemap, and the bundled terms."""

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from articles.models import Article
from glossary.models import Term
from tests.pages import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def sepsis(make_article):
    fever = make_article(title="Fever", slug="fever", body="## Why\n\nA fever can lead to sepsis. Sepsis kills.\n")
    return Term.objects.create(
        term="Sepsis",
        anchor="sepsis",
        other_names="blood poisoning",
        definition="A life-threatening reaction to an infection.",
        related_article=fever,
    )


def glossary_links(article):
    return [
        a.attrs["href"]
        for a in parse(Article.objects.get(pk=article.pk).body_html).find_all("a", class_="glossary-link")
    ]


def test_the_glossary_page_lists_each_term_at_its_anchor(page, sepsis):
    tree = page("/glossary/")
    entry = tree.find("div", id="sepsis")
    assert entry.find("dt").text() == "Sepsis"
    assert "A life-threatening reaction to an infection." in entry.find("dd").text()
    assert "Also called: blood poisoning" in entry.text()
    assert entry.find("a").attrs["href"] == "/articles/fever/"


def test_the_glossary_page_describes_its_terms_as_a_defined_term_set(page, sepsis):
    data = json.loads(page("/glossary/").find("script", type="application/ld+json").raw_text())
    assert data["@type"] == "DefinedTermSet"
    assert data["hasDefinedTerm"] == [
        {
            "@type": "DefinedTerm",
            "@id": "http://testserver/glossary/#sepsis",
            "name": "Sepsis",
            "alternateName": ["blood poisoning"],
            "description": "A life-threatening reaction to an infection.",
            "inLanguage": "en-GB",
            "url": "http://testserver/glossary/#sepsis",
            "inDefinedTermSet": "http://testserver/glossary/",
        }
    ]


def test_an_article_saved_after_a_term_links_its_first_use(sepsis, make_article):
    article = make_article(body="Sepsis is serious.\n")
    assert glossary_links(article) == ["/glossary/#sepsis"]


def test_adding_renaming_and_removing_a_term_relinks_every_article(sepsis, make_article):
    article = Article.objects.get(slug="fever")
    updated = article.updated
    assert glossary_links(article) == ["/glossary/#sepsis"]
    fever_term = Term.objects.create(term="Fever", anchor="fever", definition="A high temperature.")
    assert glossary_links(article) == ["/glossary/#fever", "/glossary/#sepsis"]
    sepsis.anchor = "sepsis-explained"
    sepsis.save()
    assert glossary_links(article) == ["/glossary/#fever", "/glossary/#sepsis-explained"]
    fever_term.delete()
    assert glossary_links(article) == ["/glossary/#sepsis-explained"]
    assert Article.objects.get(pk=article.pk).updated == updated  # the article's own change date stays


def test_a_term_change_shows_on_a_cached_article_at_once(sepsis):
    Client().get("/articles/fever/")
    Client().get("/articles/fever/")
    Term.objects.create(term="Fever", anchor="fever", definition="A high temperature.")
    assert 'href="/glossary/#fever"' in Client().get("/articles/fever/").content.decode()


def test_search_finds_glossary_terms_by_name_and_other_name(client, sepsis):
    for query in ("sepsis", "blood poisoning"):
        results = parse(client.get("/search/", {"q": query}).content).find("section", class_="search-terms")
        assert results.find("a").attrs["href"] == "/glossary/#sepsis", query


def test_a_search_without_a_matching_term_shows_no_glossary_section(client, sepsis):
    assert not parse(client.get("/search/", {"q": "xylophone"}).content).find_all("section", class_="search-terms")


def test_the_sitemap_lists_the_glossary_once_it_has_terms(client, make_article):
    assert b"/glossary/" not in client.get("/sitemap.xml").content
    Term.objects.create(term="Fever", anchor="fever", definition="A high temperature.")
    assert b"<loc>http://testserver/glossary/</loc>" in client.get("/sitemap.xml").content


def test_the_bundled_terms_load_once_and_link_the_bundled_articles(bundled_guide):
    out = StringIO()
    call_command("import_glossary", stdout=out)
    assert Term.objects.filter(language="en-gb").count() >= 15
    assert "created" in out.getvalue()
    assert "/glossary/#sepsis" in glossary_links(Article.objects.get(slug="fever"))
    Term.objects.filter(language="en-gb", anchor="sepsis").update(definition="An editor's words.")
    call_command("import_glossary", stdout=StringIO())
    assert Term.objects.get(language="en-gb", anchor="sepsis").definition == "An editor's words."


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- term: Fever\n  anchor: fever\n", "term 1 (Fever): definition"),
        ("- term: Fever\n  anchor: fever\n  definition: Hot.\n  colour: red\n", "unknown field(s) colour"),
        (
            "- term: Fever\n  anchor: fever\n  definition: Hot.\n  related: nowhere\n",
            "no article in en-gb has the slug 'nowhere'",
        ),
        ("term: [unclosed\n", "is not a readable YAML file"),
        ("just text\n", "must be a list of terms"),
    ],
)
def test_a_bad_glossary_file_stops_the_import_with_a_message_and_saves_nothing(tmp_path, text, problem):
    path = Path(tmp_path) / "terms.yaml"
    path.write_text(text)
    with pytest.raises(CommandError, match=re.escape(problem)):
        call_command("import_glossary", str(path), stdout=StringIO())
    assert not Term.objects.exists()


def test_editors_manage_terms_in_the_admin(editor_client, sepsis):
    response = editor_client.post(
        "/admin/glossary/term/add/",
        {
            "language": "en-gb",
            "term": "Fever",
            "anchor": "fever",
            "other_names": "",
            "definition": "A high temperature.",
            "related_article": "",
        },
    )
    assert response.status_code == 302
    assert Term.objects.filter(anchor="fever").exists()
    listed = [link.text() for link in parse(editor_client.get("/admin/glossary/term/").content).find_all("a")]
    assert "Fever" in listed
