"""The glossary in each language: the bundled Spanish terms, Spanish articles linking to the Spanish glossary,
its page, search, sitemap and structured data, and terms kept apart by language."""

import json
from io import StringIO

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command

from articles.models import Article
from glossary.models import Term
from tests.glossary.conftest import SPANISH_SLUGS
from tests.pages import parse

pytestmark = pytest.mark.django_db

SPANISH_FILE = settings.BASE_DIR / "glossary" / "content" / "es" / "terms.yaml"
ENGLISH_FILE = settings.BASE_DIR / "glossary" / "content" / "terms.yaml"


@pytest.fixture
def sepsis_in_both(make_article):
    """A fever article and the term "sepsis" in English and in Spanish, at the same anchor."""
    fever = make_article(title="Fever", slug="fever", body="## Why\n\nA fever can lead to sepsis.\n")
    fiebre = make_article(
        title="Fiebre", slug="fiebre", language="es", translation_of=fever, body="## Por qué\n\nLa sepsis es grave.\n"
    )
    Term.objects.create(
        term="Sepsis", anchor="sepsis", definition="A life-threatening reaction.", related_article=fever
    )
    Term.objects.create(
        language="es", term="Sepsis", anchor="sepsis", definition="Una reacción muy grave.", related_article=fiebre
    )
    return fever, fiebre


def links(article):
    html = Article.objects.get(pk=article.pk).body_html
    return [a.attrs["href"] for a in parse(html).find_all("a", class_="glossary-link")]


def test_the_spanish_file_translates_every_english_term_and_relates_spanish_articles():
    english = yaml.safe_load(ENGLISH_FILE.read_text(encoding="utf-8"))
    spanish = yaml.safe_load(SPANISH_FILE.read_text(encoding="utf-8"))
    assert len(spanish) == len(english) == 18
    assert len({entry["anchor"] for entry in spanish}) == 18
    # Each term relates the Spanish translation of the English term's article, in the same order.
    assert [entry.get("related") for entry in spanish] == [
        SPANISH_SLUGS[entry["related"]] if entry.get("related") else None for entry in english
    ]


def test_the_bundled_import_loads_both_glossaries_and_spanish_articles_link_to_the_spanish_one(bundled_guide):
    out = StringIO()
    call_command("import_glossary", stdout=out)
    assert "18 term(s) in es from terms.yaml: 18 created" in out.getvalue()
    spanish = Term.objects.filter(language="es")
    assert spanish.count() == 18
    assert {term.related_article.language for term in spanish if term.related_article} == {"es"}
    quimio = Article.objects.get(language="es", slug="causas")
    assert "/es/glossary/#quimioterapia" in links(quimio)
    assert all(href.startswith("/es/glossary/#") for href in links(quimio))
    assert all(href.startswith("/glossary/#") for href in links(Article.objects.get(language="en-gb", slug="causes")))
    # A second import keeps the terms as they are.
    call_command("import_glossary", stdout=StringIO())
    assert Term.objects.filter(language="es").count() == 18


def test_a_file_imported_with_a_language_takes_its_related_articles_from_that_language(tmp_path, make_article):
    make_article(title="Fever", slug="fiebre")  # an English article that happens to have the Spanish slug
    path = tmp_path / "terms.yaml"
    path.write_text("- term: Fiebre\n  anchor: fiebre\n  definition: Temperatura alta.\n  related: fiebre\n")
    with pytest.raises(CommandError, match="no article in es has the slug 'fiebre'"):
        call_command("import_glossary", str(path), "--language", "es", stdout=StringIO())
    assert not Term.objects.exists()


def test_each_article_links_to_its_own_languages_entry(sepsis_in_both):
    fever, fiebre = sepsis_in_both
    assert links(fever) == ["/glossary/#sepsis"]
    assert links(fiebre) == ["/es/glossary/#sepsis"]


def test_the_spanish_glossary_page_lists_only_the_spanish_terms(page, sepsis_in_both):
    spanish = page("/es/glossary/")
    entry = spanish.find("div", id="sepsis")
    assert "Una reacción muy grave." in entry.text()
    assert entry.find("a").attrs["href"] == "/es/articles/fiebre/"
    assert "A life-threatening reaction." not in spanish.find("dl", class_="glossary-page").text()
    english = page("/glossary/").find("dl", class_="glossary-page")
    assert "Una reacción muy grave." not in english.text()


def test_the_spanish_glossary_is_described_in_spanish(page, sepsis_in_both):
    data = json.loads(page("/es/glossary/").find("script", type="application/ld+json").raw_text())
    assert data["inLanguage"] == "es"
    assert data["name"] == "Guía de la neutropenia: glosario"
    assert data["url"] == "http://testserver/es/glossary/"
    assert [term["@id"] for term in data["hasDefinedTerm"]] == ["http://testserver/es/glossary/#sepsis"]
    assert data["hasDefinedTerm"][0]["inLanguage"] == "es"


def test_search_in_spanish_finds_spanish_terms_with_or_without_accents(client, make_article):
    Term.objects.create(language="es", term="Médula ósea", anchor="medula-osea", definition="Donde se forma la sangre.")
    Term.objects.create(term="Bone marrow", anchor="bone-marrow", definition="Where blood is made.")
    for query in ("medula", "médula", "MEDULA OSEA"):
        found = parse(client.get("/es/search/", {"q": query}).content).find("section", class_="search-terms")
        assert [a.attrs["href"] for a in found.find_all("a")] == ["/es/glossary/#medula-osea"], query
    english = parse(client.get("/search/", {"q": "marrow"}).content).find("section", class_="search-terms")
    assert [a.attrs["href"] for a in english.find_all("a")] == ["/glossary/#bone-marrow"]
    assert not parse(client.get("/search/", {"q": "medula"}).content).find_all("section", class_="search-terms")


def test_the_sitemap_lists_each_glossary_with_its_alternates(client, sepsis_in_both):
    tree = parse(client.get("/sitemap.xml").content)
    glossaries = [url for url in tree.find_all("url") if "/glossary/" in url.find("loc").text()]
    assert [url.find("loc").text() for url in glossaries] == [
        "http://testserver/glossary/",
        "http://testserver/es/glossary/",
    ]
    for url in glossaries:
        alternates = {link.attrs["hreflang"]: link.attrs["href"] for link in url.find_all("xhtml:link")}
        assert alternates == {
            "en-gb": "http://testserver/glossary/",
            "es": "http://testserver/es/glossary/",
            "x-default": "http://testserver/glossary/",
        }


def test_the_admin_refuses_a_second_term_with_an_anchor_its_language_has(editor_client, sepsis_in_both):
    form = {"language": "es", "term": "Sepsis grave", "anchor": "sepsis", "definition": "Otra.", "related_article": ""}
    response = editor_client.post("/admin/glossary/term/add/", form)
    assert response.status_code == 200
    assert "Another term of this glossary has this anchor: choose another." in response.content.decode()
    assert Term.objects.filter(language="es").count() == 1


def test_the_admin_refuses_a_related_article_in_another_language(editor_client, sepsis_in_both):
    fever, _fiebre = sepsis_in_both
    form = {"language": "es", "term": "Fiebre", "anchor": "fiebre", "definition": "Temperatura alta."}
    response = editor_client.post("/admin/glossary/term/add/", {**form, "related_article": str(fever.pk)})
    assert response.status_code == 200
    assert "Choose an article in the same language as the term, or none." in response.content.decode()
    assert not Term.objects.filter(anchor="fiebre").exists()


def test_the_bundled_spanish_glossary_waits_for_spanish_articles(make_article):
    for slug in ["overview", "blood-test", "diagnosis", "causes", "treatment", "fever"]:
        make_article(slug=slug)  # the English glossary's related articles, and no Spanish article
    out = StringIO()
    call_command("import_glossary", stdout=out)
    assert "Skipped terms.yaml in es: no article in es yet (import the articles first)." in out.getvalue()
    assert not Term.objects.filter(language="es").exists()
    assert Term.objects.filter(language="en-gb").count() == 18
