"""Site search: published articles by the words in their title, summary and body, best first."""

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article
from articles.search import MAX_QUERY_LENGTH, passage, search
from tests.pages import parse

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search: set DATABASE_URL to a PostgreSQL database"
)
word_search_only = pytest.mark.skipif(
    connection.vendor == "postgresql", reason="the plain word search runs on databases other than PostgreSQL"
)


@pytest.fixture
def guide(make_article):
    """Three published articles and one draft, each with words the tests look for."""
    return {
        "fever": make_article(
            title="Fever and when to get help",
            slug="fever",
            summary="A high temperature with a low count is an emergency.",
            body="## What to do\n\nCall your care team's 24-hour number straight away.",
        ),
        "mouth": make_article(
            title="Looking after your mouth",
            slug="mouth",
            summary="Brush gently twice a day.",
            body="## Teeth\n\nA sore mouth can be a sign of infection. Tell your team if you get a fever.",
        ),
        "food": make_article(
            title="Food safety",
            slug="food",
            summary="Cook meat well and wash raw vegetables.",
            body="## Shopping\n\nCheck dates on packets. Avoid unpasteurised cheese.",
        ),
        "draft": make_article(
            title="Fever in draft",
            slug="draft-fever",
            summary="Not ready.",
            body="A fever draft about zebrafinch.",
            status=Article.Status.DRAFT,
        ),
    }


def found(query):
    return [result.article.slug for result in search(query)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "slug"),
    [("fever", "fever"), ("temperature", "fever"), ("unpasteurised", "food"), ("brush", "mouth")],
)
def test_finds_articles_by_title_summary_or_body(guide, query, slug):
    assert slug in found(query)


@pytest.mark.django_db
def test_a_title_match_ranks_above_a_body_match(guide):
    assert found("fever") == ["fever", "mouth"]


@pytest.mark.django_db
def test_every_word_must_match(guide):
    assert found("fever mouth") == ["mouth"]
    assert found("fever zebrafinch") == []


@pytest.mark.django_db
def test_case_does_not_matter(guide):
    assert found("FEVER") == found("fever") == ["fever", "mouth"]


@pytest.mark.django_db
def test_drafts_are_never_found(guide):
    assert found("zebrafinch") == []
    assert "draft-fever" not in found("fever draft")


@pytest.mark.django_db
def test_results_show_the_matching_passage_with_the_words_marked(guide):
    [result] = search("unpasteurised")
    tree = parse(result.passage)
    assert [mark.text().lower() for mark in tree.find_all("mark")] == ["unpasteurised"]
    assert "cheese" in tree.text()


@pytest.mark.django_db
def test_passages_are_escaped(make_article):
    make_article(title="Signs", summary="Plain.", body='Counts < 500 & "very low" <b>bold</b> numbers matter.')
    [result] = search("numbers")
    assert "<b>" not in result.passage
    assert "&lt; 500 &amp; &quot;very low&quot;" in result.passage
    assert "<mark>numbers</mark>" in result.passage


@postgres_only
@pytest.mark.django_db
def test_postgres_finds_other_forms_of_a_word(guide):
    assert found("infections") == ["mouth"]


@postgres_only
@pytest.mark.django_db
def test_postgres_understands_phrases_and_excluded_words(guide):
    assert found('"sore mouth"') == ["mouth"]
    assert found("fever -mouth") == ["fever"]


@pytest.mark.django_db
def test_the_start_of_a_word_finds_the_word(guide):
    assert found("unpasteur") == ["food"]
    assert found("temp emerg") == ["fever"]


@word_search_only
@pytest.mark.django_db
def test_word_search_ignores_case_beyond_ascii(make_article):
    make_article(title="Névralgie ÉCLAIR", body="Text.")
    assert len(found("éclair")) == 1


def test_passage_picks_the_stretch_with_most_of_the_words():
    text = " ".join(["filler"] * 50) + " fever then chills " + " ".join(["filler"] * 50)
    result = passage(text, ["fever", "chills"], length=10)
    assert result.startswith("… ")
    assert result.endswith(" …")
    assert "<mark>fever</mark> then <mark>chills</mark>" in result


def test_passage_of_text_without_the_words_is_its_start():
    assert passage("one two three", ["zebra"], length=2) == "one two …"


# Through the page


@pytest.mark.django_db
def test_search_page_lists_results_with_links_and_passages(client, guide):
    tree = parse(client.get("/search/", {"q": "fever"}).content)
    assert tree.find("h2", id="results-heading").text() == "2 pages match “fever”"
    items = tree.find("section", class_="search-results").find_all("li")
    assert [item.find("a").attrs["href"] for item in items] == ["/articles/fever/", "/articles/mouth/"]
    assert [mark.text() for mark in items[1].find_all("mark")] == ["fever"]
    assert tree.meta("robots") == "noindex"


@pytest.mark.django_db
def test_an_empty_search_shows_the_form_and_a_hint(client, guide):
    for params in [{}, {"q": ""}, {"q": "   "}]:
        response = client.get("/search/", params)
        assert response.status_code == 200
        tree = parse(response.content)
        form = tree.find("form", class_="search-form")
        assert form.find("input", name="q", type="search").attrs.get("value", "").strip() == ""
        assert "such as “fever”" in form.find("p", class_="hint").text()
        assert form.find("input", name="q").attrs["aria-describedby"] == form.find("p", class_="hint").attrs["id"]
        assert tree.find_all("section", class_="search-results") == []


@pytest.mark.django_db
def test_no_match_says_so_and_suggests_what_to_try(client, guide):
    tree = parse(client.get("/search/", {"q": "zebrafinch"}).content)
    assert tree.find("h2", id="results-heading").text() == "No pages match “zebrafinch”"
    advice = tree.find("section", class_="search-results")
    assert advice.find("a", href="/").text() == "browse every page of the guide"


@pytest.mark.django_db
def test_a_search_that_is_too_long_is_refused_with_a_message(client, guide):
    response = client.get("/search/", {"q": "fever " * 100})
    assert response.status_code == 200
    tree = parse(response.content)
    assert "Your search is too long" in tree.find("div", class_="error-summary").text()
    assert tree.find_all("section", class_="search-results") == []
    assert tree.find("input", id="id_q").attrs["aria-invalid"] == "true"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "'",
        '"',
        '"unclosed fever',
        "fever & | ! :* <-> ( ) ''",
        "' OR 1=1 --",
        "%",
        "_",
        "%fever%",
        "fe_er",
        "\\",
        "fever\\",
        "<script>alert(1)</script>",
        "ñandú 中文 😀",
        "‮fever",
        "fever\u0000",
        "\u0000",
        "\x01\x02 fever",
        "-",
        "or",
        "fever or",
        "!!!!",
        "a" * MAX_QUERY_LENGTH,
        "a" * (MAX_QUERY_LENGTH + 1),
    ],
)
def test_hostile_queries_get_a_clear_answer(client, guide, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    tree = parse(response.content)
    answers = tree.find_all("h2", id="results-heading") + tree.find_all("div", class_="error-summary")
    assert len(answers) == 1, "the page either reports results or explains what was wrong"
    assert tree.find_all("script", src=None, type=None) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"), [("%%%", "Search for words or numbers"), ("\u0000", "cannot be searched")]
)
def test_queries_without_words_are_explained(client, guide, query, message):
    tree = parse(client.get("/search/", {"q": query}).content)
    assert message in tree.find("div", class_="error-summary").text()


@pytest.mark.django_db
def test_wildcards_are_plain_characters(client, make_article):
    make_article(title="Fifty percent", body="Nothing here matches a wildcard.")
    assert found("%") == found("_") == []
    assert found("50%") == []


@pytest.mark.django_db
def test_every_page_has_a_search_form_in_its_header(page, make_article):
    for url in ["/", make_article().get_absolute_url()]:
        form = page(url).find("form", class_="site-search")
        assert (form.attrs["action"], form.attrs["method"], form.attrs["role"]) == ("/search/", "get", "search")
        box = form.find("input", name="q")
        assert box.attrs["maxlength"] == str(MAX_QUERY_LENGTH)
        assert form.find("label", for_=box.attrs["id"]).text() == "Search the guide"


def test_passage_keeps_headings_apart_from_the_text_after_them():
    assert passage("Medicines\nCancer medicines are a cause.\nAnother line", ["cancer"]) == (
        "Medicines · <mark>Cancer</mark> medicines are a cause. Another line"
    )


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=MAX_QUERY_LENGTH))
def test_any_text_can_be_searched_for_without_an_error(guide, query):
    for result in search(query):
        assert result.article.is_published
        assert {element.tag for element in parse(result.passage).iter()} <= {"#document", "mark"}


# Each language's search


@pytest.fixture
def spanish_guide(make_article):
    """Two published Spanish articles with accented words, and an English one."""
    return {
        "medula": make_article(
            title="La médula ósea",
            slug="medula",
            language="es",
            summary="Donde se hacen las células de la sangre.",
            body="## Qué hace\n\nLa médula hace los neutrófilos.",
        ),
        "ninos": make_article(
            title="Niños con neutropenia",
            slug="ninos",
            language="es",
            summary="Cómo cuidar a un niño con pocas defensas.",
            body="## Fiebre\n\nLlame si su hijo tiene fiebre.",
        ),
        "marrow": make_article(
            title="Bone marrow", slug="marrow", summary="Where blood cells are made.", body="It makes neutrophils."
        ),
    }


def found_in(language, query):
    return [result.article.slug for result in search(query, language)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("médula", ["medula"]),
        ("medula", ["medula"]),
        ("MEDULA", ["medula"]),
        ("neutrófilos", ["medula"]),
        ("neutrofilos", ["medula"]),
        ("osea", ["medula"]),
        ("fiebre", ["ninos"]),
    ],
)
def test_spanish_search_finds_words_with_or_without_their_accents(spanish_guide, query, slugs):
    assert found_in("es", query) == slugs


@pytest.mark.django_db
def test_a_search_finds_only_the_articles_of_its_language(spanish_guide):
    assert found_in("en-gb", "neutrophils") == ["marrow"]
    assert found_in("es", "neutrophils") == []
    assert found_in("en-gb", "médula") == []
    assert found("marrow") == ["marrow"]  # English unless a language is named


@word_search_only
@pytest.mark.django_db
def test_word_search_matches_letters_beyond_spanish_accents(spanish_guide):
    assert found_in("es", "ninos") == ["ninos"]
    assert found_in("es", "NIÑO") == ["ninos"]


@pytest.mark.django_db
def test_a_spanish_passage_marks_the_word_as_written_in_the_article(spanish_guide):
    [result] = search("medula", "es")
    assert [mark.text() for mark in parse(result.passage).find_all("mark")] == ["médula"]


def test_passage_marks_words_whatever_their_accents():
    assert passage("Los neutrófilos y la médula.", ["neutrofilos", "medula"]) == (
        "Los <mark>neutrófilos</mark> y la <mark>médula</mark>."
    )


def test_passage_matches_text_whose_accents_are_written_as_separate_marks():
    decomposed = "la me\u0301dula"
    assert passage(decomposed, ["médula"]) == "la <mark>médula</mark>"


@postgres_only
@pytest.mark.django_db
def test_postgres_searches_spanish_with_its_spanish_stemming(spanish_guide):
    # "cuidado" and the summary's "cuidar" share the Spanish stem "cuid"; English stemming keeps them apart.
    assert found_in("es", "cuidado") == ["ninos"]


@postgres_only
@pytest.mark.django_db
def test_postgres_spanish_prefixes_ignore_accents(spanish_guide):
    assert found_in("es", "neutrofil") == ["medula"]
    assert found_in("es", "médu") == ["medula"]


# Through the page


@pytest.mark.django_db
def test_the_spanish_search_page_lists_spanish_results_at_spanish_addresses(client, spanish_guide):
    tree = parse(client.get("/es/search/", {"q": "medula"}).content)
    items = tree.find("section", class_="search-results").find_all("li")
    assert [item.find("a").attrs["href"] for item in items] == ["/es/articles/medula/"]


@pytest.mark.django_db
def test_the_spanish_search_form_explains_itself_in_spanish(client, spanish_guide):
    tree = parse(client.get("/es/search/", {"q": "%%%"}).content)
    assert "Busque palabras o números" in tree.find("div", class_="error-summary").text()
    assert tree.find("label", for_="id_q").text() == "Palabras que quiere buscar"
    too_long = parse(client.get("/es/search/", {"q": "fiebre " * 100}).content)
    assert f"Use {MAX_QUERY_LENGTH} caracteres o menos" in too_long.find("div", class_="error-summary").text()
