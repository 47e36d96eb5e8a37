"""An article's language and source in the admin's form, the rules of translations as form errors, and the
change list's language and translations columns."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.pages import change_url, form_fields, parse, save_article, with_changes

pytestmark = pytest.mark.django_db


@pytest.fixture
def fever(make_article):
    return make_article(title="Fever", slug="fever")


@pytest.fixture
def fiebre(make_article, fever):
    return make_article(title="Fiebre", slug="fiebre", language="es", translation_of=fever, status=Article.Status.DRAFT)


def errors(response):
    """The form's error messages, field errors and others."""
    return [
        item.text()
        for item in parse(response.content).find_all("ul", class_="errorlist")
        for item in item.find_all("li")
    ]


def add_article(client, **fields):
    form = form_fields(client.get(reverse("admin:articles_article_add")))
    defaults = {"title": "Nueva", "slug": "nueva", "summary": "Un resumen.", "body": "## A\n\nTexto."}
    return client.post(reverse("admin:articles_article_add"), with_changes(form, **{**defaults, **fields}))


def test_translation_of_offers_only_the_default_languages_sources(editor_client, fever, fiebre, make_article):
    causes = make_article(title="Causes", slug="causes")
    make_article(title="Solo en español", slug="solo", language="es")
    tree = parse(editor_client.get(change_url(causes)).content)
    offered = [option.text() for option in tree.find("select", name="translation_of").find_all("option")]
    assert offered == ["---------", "Fever"]  # not itself, not a translation, not a Spanish article
    languages = [option.attrs["value"] for option in tree.find("select", name="language").find_all("option")]
    assert languages == ["en-gb", "es"]


def test_an_editor_adds_a_spanish_translation(editor_client, fever):
    response = add_article(editor_client, language="es", translation_of=str(fever.pk), slug="fiebre", title="Fiebre")
    assert response.status_code == 302, errors(response)
    fiebre = Article.objects.get(language="es", slug="fiebre")
    assert fiebre.translation_of == fever
    assert list(fever.translations.all()) == [fiebre]


def test_a_translation_in_its_sources_language_is_refused(editor_client, fever):
    response = add_article(editor_client, language="en-gb", translation_of=str(fever.pk))
    assert response.status_code == 200
    assert errors(response) == [
        "A translation is in another language than the article it translates: “Fever” is in English. "
        "Choose the translation's own language, or leave “Translation of” empty."
    ]
    assert not Article.objects.filter(slug="nueva").exists()


def test_a_second_translation_in_one_language_gets_a_form_error_not_a_500(editor_client, fever, fiebre):
    response = add_article(editor_client, language="es", translation_of=str(fever.pk), slug="fiebre-2")
    assert response.status_code == 200
    assert errors(response) == [
        "“Fever” already has a translation in Español: “Fiebre”. Each article has one translation per language: "
        "edit that one instead."
    ]
    assert fever.translations.count() == 1


def test_a_translation_cannot_be_chosen_as_a_source(editor_client, fever, fiebre):
    response = add_article(editor_client, language="es", translation_of=str(fiebre.pk))
    assert response.status_code == 200
    assert errors(response) == [
        "Choose an article in English that is not itself a translation: translations are of those only."
    ]


def test_a_source_with_translations_cannot_become_a_translation_or_change_language(
    editor_client, fever, fiebre, make_article
):
    other = make_article(title="Other", slug="other")
    to_translation = save_article(editor_client, fever, language="es", translation_of=str(other.pk))
    assert to_translation.status_code == 200
    assert errors(to_translation) == [
        "This article has translations (“Fiebre”), so it is a source: it cannot itself be a translation, and it "
        "stays in English."
    ]
    to_spanish = save_article(editor_client, fever, language="es")
    assert to_spanish.status_code == 200
    assert "it cannot itself be a translation" in errors(to_spanish)[0]
    fever.refresh_from_db()
    assert (fever.language, fever.translation_of) == ("en-gb", None)


def test_slugs_are_unique_per_language_with_a_clear_message(editor_client, fever):
    taken = add_article(editor_client, language="en-gb", slug="fever")
    assert taken.status_code == 200
    assert errors(taken) == ["Another article in English has this slug: choose another."]
    assert add_article(editor_client, language="es", slug="fever").status_code == 302


def test_the_slug_help_names_the_address_in_the_articles_language(editor_client, fiebre):
    help_text = parse(editor_client.get(change_url(fiebre)).content).find("div", id="id_slug_helptext").text()
    assert "/es/articles/fiebre/" in help_text


def test_the_list_shows_each_articles_language_and_its_translations_with_their_state(editor_client, fever, fiebre):
    tree = parse(editor_client.get(reverse("admin:articles_article_changelist")).content)
    rows = {row.find("th").text(): row for row in tree.find("table", id="result_list").find("tbody").find_all("tr")}
    assert rows["Fever"].find("td", class_="field-language").text() == "English"
    assert rows["Fiebre"].find("td", class_="field-language").text() == "Español"
    assert rows["Fever"].find("td", class_="field-translations_list").text() == "Español: Draft, Not yet approved"
    assert rows["Fiebre"].find("td", class_="field-translations_list").text() == "Translation of “Fever”"
    assert rows["Fiebre"].find("td", class_="field-translation_freshness").text() == "Not yet approved"
    assert rows["Fever"].find("td", class_="field-translation_freshness").text() == "—"


def test_the_list_filters_by_language(editor_client, fever, fiebre):
    tree = parse(editor_client.get(reverse("admin:articles_article_changelist") + "?language__exact=es").content)
    rows = tree.find("table", id="result_list").find("tbody").find_all("tr")
    assert [row.find("th").text() for row in rows] == ["Fiebre"]
