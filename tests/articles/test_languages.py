"""Articles in each language: Spanish ones under /es/articles/<slug>/, linked to the English article they
translate, so the switcher, hreflang links, og:locale and structured data point at the real translation."""

import json

import pytest
from django.test import Client

from articles.models import Article, OldSlug
from tests.pages import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(make_article):
    """An English article and its Spanish translation, both published."""
    english = make_article(title="Fever", slug="fever", body="## What to do\n\nCall now.")
    spanish = make_article(
        title="Fiebre", slug="fiebre", language="es", translation_of=english, body="## Qué hacer\n\nLlame ya."
    )
    return english, spanish


def alternates(tree):
    """{hreflang: href} of the page head's alternate links."""
    links = tree.find("head").find_all("link", rel="alternate")
    return {link.attrs["hreflang"]: link.attrs["href"] for link in links if "hreflang" in link.attrs}


def switcher_links(tree):
    """{hreflang: href} of the language switcher's links to the other languages."""
    nav = tree.find("nav", class_="language-switcher")
    return {link.attrs["hreflang"]: link.attrs["href"] for link in nav.find_all("a")}


def test_a_spanish_article_lives_under_es_and_an_english_one_keeps_its_address(client, pair):
    english, spanish = pair
    assert (english.get_absolute_url(), spanish.get_absolute_url()) == ("/articles/fever/", "/es/articles/fiebre/")
    english_page = parse(client.get("/articles/fever/").content)
    spanish_page = parse(client.get("/es/articles/fiebre/").content)
    assert english_page.find("h1").text() == "Fever"
    assert english_page.find("html").attrs["lang"] == "en-gb"
    assert spanish_page.find("h1").text() == "Fiebre"
    assert spanish_page.find("html").attrs["lang"] == "es"


@pytest.mark.parametrize("address", ["/es/articles/fever/", "/articles/fiebre/"])
def test_a_slug_of_the_other_language_is_not_found(client, pair, address):
    assert client.get(address).status_code == 404


def test_the_same_slug_may_name_an_article_in_each_language(client, make_article):
    make_article(title="Glossary of words", slug="glosario")
    make_article(title="Glosario de palabras", slug="glosario", language="es")
    assert parse(client.get("/articles/glosario/").content).find("h1").text() == "Glossary of words"
    assert parse(client.get("/es/articles/glosario/").content).find("h1").text() == "Glosario de palabras"


def test_an_article_and_its_translation_name_each_other_in_both_directions(client, pair, site_url):
    english = client.get("/articles/fever/")
    spanish = client.get("/es/articles/fiebre/")
    both = {"en-gb": "/articles/fever/", "es": "/es/articles/fiebre/"}
    assert english.context["translations"] == spanish.context["translations"] == both
    expected = {
        "en-gb": f"{site_url}/articles/fever/",
        "es": f"{site_url}/es/articles/fiebre/",
        "x-default": f"{site_url}/articles/fever/",
    }
    assert alternates(parse(english.content)) == alternates(parse(spanish.content)) == expected
    assert switcher_links(parse(english.content)) == {"es": "/es/articles/fiebre/"}
    assert switcher_links(parse(spanish.content)) == {"en-gb": "/articles/fever/"}


def test_an_untranslated_articles_switcher_leads_to_the_other_languages_home(client, make_article, site_url):
    make_article(slug="only-english")
    response = client.get("/articles/only-english/")
    tree = parse(response.content)
    assert response.context["translations"] == {"en-gb": "/articles/only-english/"}
    assert switcher_links(tree) == {"es": "/es/"}
    assert "not translated yet" in tree.find("a", hreflang="es").attrs["title"]
    assert alternates(tree) == {
        "en-gb": f"{site_url}/articles/only-english/",
        "x-default": f"{site_url}/articles/only-english/",
    }


def test_the_public_are_never_pointed_at_a_draft_translation(client, pair, admin_client):
    _, spanish = pair
    Article.objects.filter(pk=spanish.pk).update(status=Article.Status.DRAFT)
    assert client.get("/articles/fever/").context["translations"] == {"en-gb": "/articles/fever/"}
    assert switcher_links(parse(client.get("/articles/fever/").content)) == {"es": "/es/"}
    # Staff who preview drafts see the draft translation where it will be.
    assert admin_client.get("/articles/fever/").context["translations"]["es"] == "/es/articles/fiebre/"


def test_a_translation_of_an_unpublished_article_points_only_at_itself(client, pair):
    english, _ = pair
    Article.objects.filter(pk=english.pk).update(status=Article.Status.DRAFT)
    assert client.get("/es/articles/fiebre/").context["translations"] == {"es": "/es/articles/fiebre/"}


def test_each_languages_home_guide_and_related_links_list_only_its_articles(client, pair, make_article):
    english, spanish = pair
    other = make_article(title="Causas", slug="causas", language="es")
    spanish.related.add(other, english)
    english.related.add(spanish)

    home = parse(client.get("/es/").content)
    spanish_page = client.get("/es/articles/fiebre/")
    assert "/es/articles/fiebre/" in {a.attrs.get("href") for a in home.find_all("a")}
    assert "/articles/fever/" not in {a.attrs.get("href") for a in home.find_all("a")}
    assert [article.slug for article in spanish_page.context["related"]] == ["causas"]
    assert [entry.slug for entry in spanish_page.context["guide"]] == ["fiebre", "causas"]
    assert list(client.get("/articles/fever/").context["related"]) == []
    assert [entry.slug for entry in client.get("/").context["articles"]] == ["fever"]


def test_a_spanish_articles_breadcrumb_leads_to_the_spanish_home(client, pair):
    crumbs = parse(client.get("/es/articles/fiebre/").content).find("nav", class_="breadcrumbs").find_all("a")
    assert [crumb.attrs["href"] for crumb in crumbs] == ["/es/", "/es/articles/fiebre/"]


def test_og_locale_names_the_pages_language_and_its_translations(client, pair, make_article):
    make_article(slug="only-english")
    assert parse(client.get("/articles/fever/").content).meta("og:locale") == "en_GB"
    spanish = parse(client.get("/es/articles/fiebre/").content)
    assert spanish.meta("og:locale") == "es"
    assert spanish.meta("og:locale:alternate") == "en_GB"
    untranslated = parse(client.get("/articles/only-english/").content)
    assert untranslated.find_all("meta", property="og:locale:alternate") == []


def structured_data(response):
    [script] = parse(response.content).find_all("script", type="application/ld+json")
    return json.loads(script.raw_text())


def test_structured_data_names_the_articles_language(client, pair, site_url):
    english = structured_data(client.get("/articles/fever/"))
    spanish = structured_data(client.get("/es/articles/fiebre/"))
    assert (english["inLanguage"], spanish["inLanguage"]) == ("en-GB", "es")
    assert spanish["url"] == f"{site_url}/es/articles/fiebre/"
    assert spanish["isPartOf"] == {"@type": "WebSite", "name": "Guía de la neutropenia", "url": f"{site_url}/es/"}
    assert [item["name"] for item in spanish["breadcrumb"]["itemListElement"]] == ["Guía", "Fiebre"]
    assert structured_data(client.get("/es/"))["inLanguage"] == "es"
    assert structured_data(client.get("/"))["inLanguage"] == "en-GB"


def test_a_care_cards_hidden_urgency_and_section_links_are_in_the_articles_language(make_article):
    care_card = "> **Pida ayuda ya si:**\n>\n> - tiene fiebre\n\n## Síntomas\n\nTexto."
    spanish = make_article(slug="fiebre", language="es", body=care_card)
    english = make_article(slug="fever", body=care_card.replace("Síntomas", "Symptoms"))
    spanish_page, english_page = parse(spanish.body_html), parse(english.body_html)
    assert spanish_page.find("p", class_="care-card-heading").find("span").text() == "Se necesita actuar de inmediato:"
    assert english_page.find("p", class_="care-card-heading").find("span").text() == "Immediate action required:"
    link = spanish_page.find("a", class_="section-link")
    assert link.find("span", class_="visually-hidden").text() == "Enlace a la sección: Síntomas"


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Síntomas", "sintomas"),
        ("¿Qué es la neutropenia?", "que-es-la-neutropenia"),
        ("Niños y bebés", "ninos-y-bebes"),
    ],
)
def test_spanish_headings_get_plain_ascii_anchors(make_article, heading, anchor):
    article = make_article(language="es", body=f"## {heading}\n\nTexto.")
    assert article.sections == [[anchor, heading]]


def test_an_old_slug_redirects_within_its_language(client, make_article):
    english = make_article(slug="fever")
    spanish = make_article(slug="fiebre-alta", language="es", translation_of=english)
    spanish.slug = "fiebre"
    spanish.save()
    assert OldSlug.objects.get(slug="fiebre-alta").language == "es"
    response = client.get("/es/articles/fiebre-alta/")
    assert (response.status_code, response["Location"]) == (301, "/es/articles/fiebre/")
    assert client.get("/articles/fiebre-alta/").status_code == 404


def test_each_language_may_keep_the_same_old_slug(client, make_article):
    english = make_article(slug="temperature")
    spanish = make_article(slug="temperature", language="es")
    english.slug, spanish.slug = "fever", "fiebre"
    english.save()
    spanish.save()
    assert client.get("/articles/temperature/")["Location"] == "/articles/fever/"
    assert client.get("/es/articles/temperature/")["Location"] == "/es/articles/fiebre/"


def test_an_old_slug_stops_being_old_only_in_the_language_that_takes_it_back(client, make_article):
    english = make_article(slug="temperature")
    english.slug = "fever"
    english.save()
    make_article(slug="temperature", language="es")
    assert client.get("/articles/temperature/")["Location"] == "/articles/fever/"
    assert client.get("/es/articles/temperature/").status_code == 200


def test_an_article_moved_to_another_language_redirects_from_its_old_address(client, make_article):
    article = make_article(slug="fiebre")
    article.language = "es"
    article.save()
    assert client.get("/articles/fiebre/")["Location"] == "/es/articles/fiebre/"
    assert client.get("/es/articles/fiebre/").status_code == 200


@pytest.mark.parametrize("address", ["/es/", "/es/articles/fiebre/", "/es/feed/"])
def test_spanish_pages_are_cached_apart_and_cleared_when_an_article_changes(pair, address, django_assert_num_queries):
    english_address = address.removeprefix("/es")
    english = Client().get(english_address)
    first = Client().get(address)
    with django_assert_num_queries(0):
        cached = Client().get(address)
    assert cached.content == first.content != english.content
    assert cached["Content-Language"] == "es"
    _, spanish = pair
    spanish.title = "Fiebre alta"
    spanish.save()
    assert "Fiebre alta" in Client().get(address).content.decode()
    assert "Fiebre alta" not in Client().get(english_address).content.decode()
