"""The pages a visitor reads, in Spanish: no English sentence of the site's own on them, the language
switcher on every kind of page leading to the same page in the other language (or to its home when
there is none), the error pages, the dates and the link previews' locale."""

import datetime
import html
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from handouts.codes import Pick, encode
from languages.catalogues import catalogues, read_entries
from tests.pages import parse

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
# What splits a message into the runs of words a reader sees: tags, and the placeholders filled in.
NOT_WORDS = re.compile(r"<[^>]+>|%\(\w+\)[sd]|\{\w+\}")
FEEDBACK_SECTION = re.compile(r'<section class="page-feedback".*?</section>', re.DOTALL)


def english_sentences():
    """Every run of three words or more of the catalogues' English messages that their translation does
    not also use (a proper name, say)."""
    found = set()
    for path in catalogues(ROOT):
        for entry in read_entries(path.read_text(encoding="utf-8")):
            for message in (entry.msgid, entry.msgid_plural):
                for run in NOT_WORDS.split(message):
                    run = " ".join(run.split()).strip(" .,:;()")
                    if len(run.split()) >= 3 and not any(run in text for text in entry.translations):
                        found.add(run)
    return found


ENGLISH = english_sentences()


def readable(content):
    """A page's HTML with its entities decoded and whitespace collapsed: its text, attributes included."""
    return " ".join(html.unescape(content.decode()).split())


def english_on(content):
    text = readable(content)
    return sorted(sentence for sentence in ENGLISH if sentence in text)


def switcher(response):
    """The language switcher of a page: {language code: the address it leads to}, the current one included."""
    nav = parse(response.content).find("nav", class_="language-switcher")
    links = {a.attrs["hreflang"]: a.attrs["href"] for a in nav.find_all("a")}
    (current,) = nav.find_all("span", aria_current="true")
    return {**links, current.attrs["lang"]: None}


@pytest.fixture
def articles(make_article):
    return [make_article(slug="first"), make_article(slug="second")]


@pytest.fixture
def handout_code(articles):
    return encode([Pick(articles[0].pk, ())])


@pytest.fixture
def test_urls(settings):
    settings.ROOT_URLCONF = "tests.urls"


def test_the_catalogues_give_the_test_english_to_look_for():
    assert "Skip to main content" in ENGLISH
    assert "This guide does not replace medical advice" in ENGLISH
    assert "Go to the start of the guide" in ENGLISH


SPANISH_PAGES = {
    "/es/": "Neutropenia: una guía para pacientes y familias",
    "/es/search/": "Buscar en la guía",
    "/es/search/?q=xilófono": "Ninguna página coincide con «xilófono»",
    "/es/search/?q=%21%21%21": "Hay un problema",
    "/es/glossary/": "Glosario: las palabras médicas de esta guía",
    "/es/fever-card/": "Haga su tarjeta de fiebre",
    "/es/handout/": "Hacer una hoja para imprimir",
    "/es/handout/zzzz/": "No encontramos la hoja",
    "/es/no-such-page/": "No encontramos la página",
}


@pytest.mark.parametrize(("address", "spanish"), SPANISH_PAGES.items())
def test_a_spanish_page_says_everything_in_spanish(client, address, spanish):
    response = client.get(address)

    assert spanish in readable(response.content)
    assert "Esta guía no sustituye los consejos de su médico." in readable(response.content)
    assert english_on(response.content) == []


def test_the_english_page_has_the_english_the_test_looks_for(client):
    """The other side of the test above: the same check finds the English on the English page."""
    found = english_on(client.get("/").content)

    assert "Skip to main content" in found
    assert "This guide does not replace medical advice" in found


@pytest.mark.parametrize(
    ("answer", "spanish"),
    [
        ({"care_team_number": "0161 496 0713"}, "Su tarjeta de fiebre"),
        ({"care_team_number": "call Jo"}, "Escriba el teléfono de 24 horas de su equipo médico con cifras"),
        ({"care_team_number": "1" * 31}, "use 30 caracteres o menos"),
        ({}, "Escriba el teléfono de 24 horas de su equipo médico"),
    ],
)
def test_the_fever_card_answers_in_spanish(client, answer, spanish):
    response = client.post("/es/fever-card/", answer)

    assert spanish in readable(response.content)
    assert english_on(response.content) == []


def test_the_spanish_fever_card_leads_to_the_spanish_fever_article(client):
    tree = parse(client.post("/es/fever-card/", {"care_team_number": "0161 496 0713"}).content)

    assert tree.find("a", href="/es/articles/fiebre/").text() == "qué hacer si tiene fiebre"
    qr = tree.find("div", class_="fever-card-qr").find("title")
    assert qr.text() == "Código QR de la página de la guía sobre la fiebre: http://testserver/es/articles/fiebre/"


def test_a_spanish_handout_has_its_words_and_its_card_in_spanish(client, handout_code):
    response = client.get(f"/es/handout/{handout_code}/")

    text = parse(response.content).text()
    assert "Su lectura de la Guía de la neutropenia" in text
    assert f"Abra esta hoja en internet en http://testserver/es/handout/{handout_code}/" in text
    assert "Fiebre: llame ya, de día o de noche" in text
    assert english_on(response.content) == []


def test_the_handout_builder_offers_the_articles_of_its_language(client, articles, make_article):
    make_article(title="Fiebre", slug="fiebre", language="es")

    spanish = parse(client.get("/es/handout/").content)
    english = parse(client.get("/handout/").content)

    titles = {"Fiebre", "Article 1", "Article 2"}
    assert {legend.text() for legend in spanish.find_all("legend")} & titles == {"Fiebre"}
    assert {legend.text() for legend in english.find_all("legend")} & titles == {"Article 1", "Article 2"}


def test_the_handout_builders_errors_are_in_spanish(client, make_article):
    make_article(title="Fiebre", slug="fiebre", language="es")

    response = client.get("/es/handout/?nothing=ticked")

    assert "Marque al menos un artículo o una parte de un artículo" in readable(response.content)
    assert english_on(response.content) == []


@pytest.mark.parametrize(
    ("state", "spanish"),
    [
        ("", "¿Le sirve esta página?"),
        ("thanks", "Gracias por su opinión."),
        ("sent", "Gracias. Su comentario se envió al equipo que escribe esta guía."),
        ("a-token", "¿Qué estaba mal o qué faltaba?"),
    ],
)
def test_the_feedback_question_is_in_spanish_in_each_state(client, state, spanish):
    response = client.get(f"/es/neutrophil-count/?feedback={state}")

    (section,) = FEEDBACK_SECTION.findall(response.content.decode())
    assert spanish in readable(section.encode())
    assert english_on(section.encode()) == []


def test_the_feedback_script_gets_its_answers_in_spanish():
    response = Client().post(
        "/es/feedback/",
        {"page": "/es/neutrophil-count/", "answer": "useful"},
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT="application/json",
    )

    assert response.json() == {"message": "Gracias por su opinión.", "token": ""}


def test_feedback_refused_in_spanish_says_why_in_spanish(client):
    response = client.post(
        "/es/feedback/", {"page": "/es/nowhere/", "answer": "useful"}, HTTP_ORIGIN="http://testserver"
    )

    assert response.status_code == 400
    text = readable(response.content)
    assert "No pudimos saber de qué página se trataba." in text
    assert "Ir a la portada de la guía" in text
    assert english_on(response.content) == []


def test_feedback_from_a_page_in_one_language_can_be_sent_from_the_other(client):
    response = client.post(
        "/es/feedback/", {"page": "/neutrophil-count/", "answer": "useful"}, HTTP_ORIGIN="http://testserver"
    )

    assert response["Location"] == "/neutrophil-count/?feedback=thanks#page-feedback"


# The language switcher on every kind of page


SAME_PAGE_IN_EACH_LANGUAGE = [
    ("/", "/es/"),
    ("/search/", "/es/search/"),
    ("/glossary/", "/es/glossary/"),
    ("/fever-card/", "/es/fever-card/"),
    ("/handout/", "/es/handout/"),
    ("/neutrophil-count/?feedback=thanks", "/es/neutrophil-count/?feedback=thanks"),
]


@pytest.mark.parametrize(("english", "spanish"), SAME_PAGE_IN_EACH_LANGUAGE)
def test_the_switcher_leads_to_the_same_page_in_the_other_language(client, english, spanish):
    assert switcher(client.get(english)) == {"en-gb": None, "es": spanish.split("?")[0]}
    assert switcher(client.get(spanish)) == {"en-gb": english.split("?")[0], "es": None}


def test_the_switcher_of_a_handout_leads_to_the_same_handout(client, handout_code):
    english, spanish = f"/handout/{handout_code}/", f"/es/handout/{handout_code}/"

    assert switcher(client.get(english))["es"] == spanish
    assert switcher(client.get(spanish))["en-gb"] == english


def test_the_switcher_of_a_posted_fever_card_leads_to_the_empty_form(client):
    assert switcher(client.post("/es/fever-card/", {"care_team_number": "0161 496 0713"}))["en-gb"] == "/fever-card/"


@pytest.mark.parametrize(
    ("address", "language"),
    [("/no-such-page/", "en-gb"), ("/articles/no-such/", "en-gb"), ("/es/articles/no-such/", "es"), ("/es/x/", "es")],
)
def test_the_404_page_switches_to_the_other_languages_home(client, address, language):
    """Even where the missing address would match a page pattern in the other language, where it is
    missing as well."""
    response = client.get(address)

    assert response.status_code == 404
    other = "es" if language == "en-gb" else "en-gb"
    assert switcher(response) == {language: None, other: "/es/" if other == "es" else "/"}


def test_the_feedback_problem_page_switches_to_the_homes(client):
    response = client.post("/feedback/", {"page": "/nowhere/", "answer": "useful"}, HTTP_ORIGIN="http://testserver")

    assert switcher(response) == {"en-gb": None, "es": "/es/"}


# Error pages


@pytest.mark.parametrize(
    ("address", "status", "spanish"),
    [
        ("/es/boom/", 500, "Lo sentimos, algo salió mal"),
        ("/es/database-lost/", 503, "Esta página no está disponible por un momento"),
    ],
)
def test_an_error_page_of_a_spanish_address_is_in_spanish(test_urls, address, status, spanish):
    response = Client(raise_request_exception=False).get(address)

    assert response.status_code == status
    tree = parse(response.content)
    assert tree.find("html").attrs["lang"] == "es"
    assert tree.find("h1").text() == spanish
    assert switcher(response) == {"es": None, "en-gb": "/"}
    assert english_on(response.content) == []


@pytest.mark.parametrize(
    ("address", "english"),
    [("/boom/", "Sorry, something went wrong"), ("/database-lost/", "This page is unavailable for a moment")],
)
def test_an_error_page_of_an_english_address_stays_english(test_urls, address, english):
    response = Client(raise_request_exception=False).get(address)

    assert parse(response.content).find("h1").text() == english
    assert switcher(response) == {"en-gb": None, "es": "/es/"}


def test_a_form_the_site_cannot_read_gets_a_spanish_400_page_at_a_spanish_address(client):
    response = client.post(
        "/es/fever-card/", "care_team_number=0161", content_type="application/x-www-form-urlencoded; charset=latin-1"
    )

    assert response.status_code == 400
    assert parse(response.content).find("h1").text() == "El sitio no pudo leer esta solicitud"
    assert english_on(response.content) == []


# Dates and link previews


def test_review_dates_are_written_as_each_language_writes_them(approved_article):
    article = approved_article(next_review=datetime.date(2026, 11, 1))
    approval = article.approvals.get()
    approval.approved_at = datetime.datetime(2025, 11, 3, 12, tzinfo=datetime.UTC)
    context = {"approval": approval}

    with translation.override("es"):
        spanish = parse(render_to_string("includes/review_dates.html", context)).text()
    english = parse(render_to_string("includes/review_dates.html", context)).text()

    assert spanish == (
        "Revisado por Rita Reeve, Specialist nurse, el 3 de noviembre de 2025; "
        "próxima revisión prevista el 1 de noviembre de 2026."
    )
    assert english == "Checked by Rita Reeve, Specialist nurse, on 3 November 2025; next check due 1 November 2026."


@pytest.mark.parametrize(
    ("address", "locale", "alternate"),
    [("/", "en_GB", "es_ES"), ("/es/", "es_ES", "en_GB"), ("/es/glossary/", "es_ES", "en_GB")],
)
def test_link_previews_name_the_pages_locale_and_the_other_one(client, address, locale, alternate):
    tree = parse(client.get(address).content)

    assert tree.meta("og:locale") == locale
    assert tree.meta("og:locale:alternate") == alternate


def test_a_spanish_page_describes_itself_in_spanish(client):
    tree = parse(client.get("/es/").content)

    assert tree.find("title").text() == "Neutropenia: una guía para pacientes y familias | Guía de la neutropenia"
    assert tree.meta("description").startswith("Información clara y sencilla sobre la neutropenia")
    assert tree.meta("og:image:alt") == "Guía de la neutropenia: información clara y sencilla para pacientes y familias"


def test_a_spanish_article_page_has_its_frame_in_spanish(client, make_article):
    english = make_article(title="Fever", slug="fever")
    make_article(title="Fiebre", slug="fiebre", language="es", translation_of=english)

    response = client.get("/es/articles/fiebre/")

    text = readable(response.content)
    for spanish in (
        "En esta página",
        "Ningún profesional de la salud ha revisado todavía esta página.",
        "¿Le sirve esta página?",
    ):
        assert spanish in text
    assert english_on(response.content) == []
    assert switcher(response) == {"es": None, "en-gb": "/articles/fever/"}
