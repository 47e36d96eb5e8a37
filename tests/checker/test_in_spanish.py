"""The count checker in Spanish, through the test client at /es/neutrophil-count/: numbers written as
Spanish reports write them (1.200 and 1,2), every rule of the reference, and no English word."""

import re
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from checker.anc import Category, NumberStyle
from checker.fields import number_style
from checker.forms import CountForm
from tests.pages import parse

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

URL = "/es/neutrophil-count/"


def answer_of(response):
    html = response.content.decode()
    return unescape(html[html.index('id="answer"') : html.index('id="count-form"')])


def summary_of(response):
    found = re.search(r'data-category="([^"]*)" data-anc="([^"]*)"', response.content.decode())
    return None if found is None else (found[1], found[2])


def post(client, **fields):
    """Post the Spanish checker with the numbers exactly as given (written the Spanish way)."""
    data = {"unit": "cells_per_ul", "age_group": "adult", "temperature_unit": "c", **fields}
    return client.post(URL, {name: value for name, value in data.items() if value is not None})


def spanish_form(**fields):
    data = {"unit": "cells_per_ul", "age_group": "adult", "temperature_unit": "c", **fields}
    with translation.override("es"):
        bound = CountForm(data)
        bound.is_valid()
        return bound, {name: list(errors) for name, errors in bound.errors.items()}


def test_the_spanish_checker_lives_under_es():
    with translation.override("es"):
        assert reverse("checker:neutrophil_count") == URL


def test_the_spanish_catalogue_writes_numbers_the_spanish_way():
    with translation.override("es"):
        assert number_style() == NumberStyle(decimal=",", thousands=".")
    with translation.override("en-gb"):
        assert number_style() == NumberStyle(decimal=".", thousands=",")


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1.200", "1200"), ("1200", "1200"), ("1,2", "1.2"), (" 1,2 ", "1.2"), ("12.345,5", "12345.5"), (",5", "0.5")],
)
def test_the_spanish_form_reads_numbers_as_spanish_reports_print_them(typed, value):
    bound, errors = spanish_form(anc=typed, anc_unit="cells_per_ul")
    assert errors == {}
    assert bound.cleaned_data["anc"] == Decimal(value)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1.2", "Use coma para los decimales en el recuento de neutrófilos, por ejemplo 1,2 o 1.200"),
        ("1.20", "Use coma para los decimales en el recuento de neutrófilos"),
        ("1,200.5", "Escriba el recuento de neutrófilos con cifras, por ejemplo 1,2 o 1.200"),
        ("12.00.000", "Escriba el recuento de neutrófilos con cifras"),
        ("mucho", "Escriba el recuento de neutrófilos con cifras"),
        ("-5", "El recuento de neutrófilos no puede ser menor que 0"),
        ("9" * 21, "El recuento de neutrófilos tiene demasiados caracteres. Escriba solo el número de su informe"),
        ("100.001", "Escriba el recuento de neutrófilos entre 0 y 100.000 células/µL"),
    ],
)
def test_a_number_the_spanish_way_cannot_read_gets_a_spanish_message(typed, message):
    assert spanish_form(anc=typed)[1]["anc"][0].startswith(message)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"anc": "1200", "temperature": "38.5"}, "temperature", "Use coma para los decimales en la temperatura"),
        ({"anc": "1200", "temperature": "50"}, "temperature", "Escriba una temperatura entre 30 y 45 °C"),
        (
            {"anc": "1200", "temperature": "85,9", "temperature_unit": "f"},
            "temperature",
            "Escriba una temperatura entre 86 y 113 °F. Compruebe también la unidad",
        ),
        (
            {"unit": "x10e9_per_l", "wbc": "0,05", "neutrophils_pct": "50"},
            "wbc",
            "Escriba el recuento de glóbulos blancos entre 0,1 y 500 ×10³/µL",
        ),
        (
            {"anc": "1200", "lab_lower_limit": "199"},
            "lab_lower_limit",
            "Escriba el límite inferior entre 200 y 5.000 células/µL, en la misma unidad que el recuento",
        ),
        ({"wbc": "4000", "neutrophils_pct": "100,5 %"}, "neutrophils_pct", "Escriba el % de neutrófilos entre 0 y 100"),
        ({"wbc": "4000", "neutrophils_pct": "90", "bands_pct": "11"}, "neutrophils_pct", "Los porcentajes suman"),
        ({}, "anc", "Escriba el recuento de neutrófilos, o el de glóbulos blancos y el % de neutrófilos"),
        ({"anc": "1200", "wbc": "4000", "neutrophils_pct": "30"}, "anc", "pero no los dos"),
        ({"anc": "1200", "unit": None}, "unit", "Elija la unidad que usa su informe"),
        ({"anc": "1200", "age_group": "adolescente"}, "age_group", "Elija de quién es el recuento"),
        (
            {"anc": "1200", "lab_lower_limit": "4000", "lab_upper_limit": "4000"},
            "lab_upper_limit",
            "El límite superior tiene que ser mayor que el inferior",
        ),
    ],
)
def test_every_bad_input_gets_a_spanish_message_on_its_own_field(fields, field, message):
    assert message in " ".join(spanish_form(**fields)[1][field])


# The reference's grading examples (section 4), typed as a Spanish report prints them.
GRADES = [
    ({"anc": "1.700"}, "borderline", "1700"),
    ({"anc": "1,7", "unit": "x10e9_per_l"}, "borderline", "1700"),
    ({"anc": "1.500"}, "borderline", "1500"),
    ({"anc": "1.701"}, "normal", "1701"),
    ({"anc": "7.700"}, "normal", "7700"),
    ({"anc": "7.701"}, "high", "7701"),
    ({"anc": "80", "unit": "x10e9_per_l"}, "high", "80000"),
    ({"anc": "1.500", "age_group": "child"}, "normal", "1500"),
    ({"anc": "1.499", "age_group": "child"}, "mild", "1499"),
    ({"anc": "1.200", "age_group": "infant"}, "normal", "1200"),
    ({"anc": "999", "age_group": "infant"}, "moderate", "999"),
    ({"anc": "999", "age_group": "young_infant"}, "moderate", "999"),
    ({"anc": "1.000"}, "mild", "1000"),
    ({"anc": "500"}, "moderate", "500"),
    ({"anc": "100"}, "severe", "100"),
    ({"anc": "99"}, "profound", "99"),
    ({"anc": "21.000", "age_group": "newborn"}, "not-graded", "21000"),
    ({"anc": "1.750", "lab_lower_limit": "1.800"}, "borderline", "1750"),
    ({"anc": "1,75", "unit": "x10e9_per_l", "lab_lower_limit": "1,8"}, "borderline", "1750"),
    ({"anc": "1.300", "lab_lower_limit": "1.200"}, "normal", "1300"),
    ({"anc": "1.100", "lab_lower_limit": "1.200"}, "mild", "1100"),
    ({"anc": "8", "unit": "x10e9_per_l", "lab_upper_limit": "7,5"}, "high", "8000"),
    ({"wbc": "9,2", "neutrophils_pct": "33", "bands_pct": "1", "unit": "x10e9_per_l"}, "normal", "3128"),
    ({"wbc": "1,0", "neutrophils_pct": "11", "bands_pct": "5", "unit": "x10e9_per_l"}, "severe", "160"),
    ({"wbc": "4.000", "neutrophils_pct": "40"}, "borderline", "1600"),
]


@pytest.mark.parametrize(("fields", "category", "cells"), GRADES)
def test_the_spanish_page_grades_as_the_reference_says(client, fields, category, cells):
    assert summary_of(post(client, **fields)) == (category, cells)


def test_the_answer_shows_both_units_the_spanish_way(client):
    html = answer_of(post(client, anc="1,2", unit="x10e9_per_l"))
    assert "Recuento de neutrófilos: <strong>1.200 células/µL</strong>, es decir, 1,2 ×10³/µL." in html
    assert "Resultado: <strong>neutropenia leve</strong>." in html
    assert "Su riesgo de infección puede ser un poco mayor de lo normal." in html
    assert "Los médicos pueden llamarlo grado 2 (según los criterios CTCAE del NCI, versión 5)." in html


def test_a_computed_count_shows_the_formula_with_spanish_numbers(client):
    html = answer_of(post(client, wbc="9,2", neutrophils_pct="33", bands_pct="1", unit="x10e9_per_l"))
    assert "9,2 ×10³/µL × (33 % + 1 %) = 3,128 ×10³/µL = 3.128 células/µL" in html
    html = answer_of(post(client, wbc="1.234", neutrophils_pct="33,5"))
    assert "1.234 células/µL × 33,5 % = 413,39 células/µL, redondeado a 413 células/µL" in html


@pytest.mark.parametrize(
    ("fields", "rules"),
    [
        (
            {"anc": "3.000"},
            [
                "En adultos, esta guía considera bajo un recuento de 1.700 células/µL o menos.",
                "En adultos, un recuento por encima de 7.700 células/µL es más alto de lo habitual.",
            ],
        ),
        (
            {"anc": "3.000", "lab_lower_limit": "1.800", "lab_upper_limit": "7.500"},
            [
                "Hemos usado el límite inferior de su informe: un recuento por debajo de 1.800 células/µL es bajo.",
                "Hemos usado el límite superior de su informe: un recuento por encima de 7.500 células/µL es más "
                "alto de lo habitual.",
            ],
        ),
        (
            {"anc": "21.000", "age_group": "newborn"},
            [
                "En las 2 primeras semanas de vida, los recuentos cambian demasiado de un día a otro para decir qué es bajo."
            ],
        ),
    ],
)
def test_the_result_says_in_spanish_which_rules_decided(client, fields, rules):
    html = answer_of(post(client, **fields))
    for rule in rules:
        assert rule in html


def test_the_scale_of_bands_is_in_spanish(client):
    html = answer_of(post(client, anc="1.200"))
    scale = re.search(r"<figure class=\"count-scale\" data-scale>(.*?)</figure>", html, re.S)[1]
    assert "<strong>1.200 células/µL</strong> está en la franja <strong>Leve, de 1.000 a 1.499</strong>" in scale
    names = re.findall(r'<span class="scale-band-name">([^<]+)</span>', scale)
    ranges = re.findall(r'<span class="scale-band-range">([^<]+)</span>', scale)
    assert names == ["Muy grave", "Grave", "Moderada", "Leve", "Un poco bajo", "Habitual", "Alto"]
    assert ranges == [
        "menos de 100",
        "de 100 a 499",
        "de 500 a 999",
        "de 1.000 a 1.499",
        "de 1.500 a 1.700",
        "de 1.701 a 7.700",
        "más de 7.700",
    ]
    assert "Su recuento: 1.200 células/µL" in scale


EMERGENCY = "Busque ayuda médica ahora"
BABY = "Busque ayuda médica para su bebé ahora"
STANDING = "Si tiene fiebre, llame a su equipo médico enseguida"


@pytest.mark.parametrize(
    ("fields", "headings"),
    [
        ({"anc": "300", "temperature": "38,0"}, [EMERGENCY, STANDING]),
        ({"anc": "1.700", "temperature": "100,4", "temperature_unit": "f"}, [EMERGENCY, STANDING]),
        ({"anc": "1.700", "temperature": "100,3", "temperature_unit": "f"}, [STANDING]),
        ({"anc": "1.200", "temperature": "35,9"}, [EMERGENCY, STANDING]),
        ({"anc": "3.000", "age_group": "young_infant", "temperature": "38,5"}, [BABY, STANDING]),
        ({"anc": "9.000", "temperature": "39"}, [STANDING]),
        # The safety net: a unit question and a page of errors carry the cards too.
        ({"anc": "0,3", "temperature": "39"}, [EMERGENCY, STANDING]),
        ({"anc": "mucho", "temperature": "39"}, [EMERGENCY, STANDING]),
        ({"feels_unwell": "on"}, [EMERGENCY, STANDING]),
        ({"anc": "1.200", "temperature": "38.5"}, [STANDING]),
        ({}, [STANDING]),
    ],
)
def test_the_care_cards_are_in_spanish_and_never_hidden(client, fields, headings):
    html = answer_of(post(client, **fields))
    found = re.findall(
        r'<h2 class="care-card-heading"[^>]*><span class="visually-hidden">[^<]*</span>([^<]+)</h2>', html
    )
    assert found == headings


def test_the_care_cards_name_their_urgency_in_spanish(client):
    html = answer_of(post(client, anc="300", feels_unwell="on"))
    assert '<span class="visually-hidden">Se necesita actuar de inmediato: </span>Busque ayuda médica ahora' in html
    assert '<span class="visually-hidden">Consejo urgente: </span>Si tiene fiebre' in html
    assert (
        "Dígales que tiene, o puede tener, un recuento bajo de neutrófilos (por ejemplo, durante la quimioterapia)."
        in html
    )
    assert "Tener fiebre es tener 38 °C (100,4 °F) o más, o sentir calor y escalofríos." in html


def test_a_unit_question_in_spanish_offers_both_readings_as_buttons(client):
    response = post(client, anc="1,2")
    html = answer_of(response)
    assert summary_of(response) is None
    assert "¿Quiso decir 1,2 ×10³/µL (1.200 células/µL)?" in html
    assert "Un recuento de neutrófilos de 1,2 células/µL sería muy, muy bajo." in html
    assert 'name="anc_unit" value="x10e9_per_l">Usar 1,2 ×10³/µL (1.200 células/µL)</button>' in html
    assert 'name="anc_unit" value="cells_per_ul">Dejar 1,2 células/µL</button>' in html
    assert '<input type="hidden" name="anc" value="1,2">' in html
    assert f'<form method="post" action="{URL}#answer"' in html


def test_a_reading_that_is_not_possible_is_not_offered_in_spanish(client):
    html = answer_of(post(client, anc="1.200", unit="x10e9_per_l"))
    assert "¿Quiso decir 1.200 células/µL (1,2 ×10³/µL)?" in html
    assert "Un recuento de neutrófilos de 1.200 ×10³/µL no es posible" in html
    assert "Dejar" not in html


def test_each_number_gets_its_own_spanish_question_and_none_twice(client):
    typed = {"anc": "1,2", "lab_lower_limit": "1.800"}
    assert "¿Quiso decir 1,2 ×10³/µL" in answer_of(post(client, **typed))
    html = answer_of(post(client, **typed, anc_unit="x10e9_per_l"))
    assert "¿Quiso decir un límite inferior de 1.800 células/µL (1,8 ×10³/µL)?" in html
    done = post(client, **typed, anc_unit="x10e9_per_l", lab_lower_limit_unit="cells_per_ul")
    assert summary_of(done) == ("mild", "1200")
    html = answer_of(post(client, anc="1,2", unit="x10e9_per_l", lab_upper_limit="7.500"))
    assert "¿Quiso decir un límite superior de 7.500 células/µL (7,5 ×10³/µL)?" in html


@pytest.mark.parametrize(("answer", "result"), [("x10e9_per_l", ("mild", "1200")), ("cells_per_ul", ("profound", "1"))])
def test_choosing_a_reading_in_spanish_answers_with_that_unit(client, answer, result):
    assert summary_of(post(client, anc="1,2", anc_unit=answer)) == result


def test_the_answer_links_the_spanish_articles(client):
    html = answer_of(post(client, anc="800", age_group="child"))
    with translation.override("es"):
        for slug in ("precauciones", "tratamiento", "diagnostico", "analisis-de-sangre", "ninos", "fiebre"):
            assert f'href="{reverse("articles:detail", args=[slug])}"' in html
    assert 'href="/es/articles/precauciones/">Cómo bajar su riesgo de infección</a>' in html


def test_the_answer_has_the_spanish_disclaimer_and_sources(client):
    html = answer_of(post(client, anc="800"))
    assert "Esta herramienta no hace diagnósticos." in html
    assert "Cómo lo hemos calculado" in html
    assert "<cite>Guía NICE NG143, “Fever in under 5s” (la fiebre en menores de 5 años)</cite>: todo bebé" in html


def test_every_number_field_says_how_to_write_decimals_in_spanish_only(client):
    spanish = parse(client.get(URL).content)
    english = parse(client.get("/neutrophil-count/").content)
    for name in ("anc", "wbc", "neutrophils_pct", "bands_pct", "lab_lower_limit", "lab_upper_limit", "temperature"):
        assert "Use coma para los decimales: " in spanish.find("p", id=f"id_{name}_helptext").text()
    assert "decimals" not in english.text()
    assert spanish.find("p", id="id_temperature_helptext").text() == "Use coma para los decimales: 37,5."
    described = spanish.find("input", id="id_temperature").attrs["aria-describedby"]
    assert described == "id_temperature_helptext"


def test_the_spanish_page_is_in_spanish_from_title_to_button(client):
    tree = parse(post(client, anc="mucho").content)
    assert tree.find("html").attrs["lang"] == "es"
    assert tree.find("title").text().startswith("Error: Compruebe su recuento de neutrófilos")
    assert tree.find("h1").text() == "Compruebe su recuento de neutrófilos"
    assert tree.find("form", id="count-form").find("button").text() == "Comprobar mi recuento"
    assert tree.find("input", id="id_anc").attrs["value"] == "mucho"


# Text that reads the same in both languages: names of works, symbols, and words Spanish shares.
SAME_IN_BOTH = re.compile(r"^[\d\s.,:%()°CF×⁹³/µL#=+-]*$|^Error:$")
# The rest of the page belongs to the other parts of the site (the fever card link, page feedback, footer).
CHECKERS_OWN = ("answer", "count-form")


def visible_texts(response):
    """The text of each element of the checker's answer and form, except names of works (<cite>) and the
    fever card's link (its own template), as a set of strings."""
    tree = parse(response.content)
    texts = set()
    for part in CHECKERS_OWN:
        for element in tree.find(id=part).iter():
            if element.tag in {"cite", "script", "style"} or "fever-card-link" in element.attrs.get("class", ""):
                continue
            if any(a.tag == "cite" or "fever-card-link" in a.attrs.get("class", "") for a in ancestors(element)):
                continue
            for child in element.children:
                if isinstance(child, str) and child.strip() and not SAME_IN_BOTH.match(child.strip()):
                    texts.add(" ".join(child.split()))
            for name in ("aria-label", "title", "placeholder"):
                if element.attrs.get(name):
                    texts.add(element.attrs[name])
    return texts


def ancestors(element):
    while element.parent is not None:
        element = element.parent
        yield element


ANSWERS = {
    "result with everything": {
        "wbc": "4500",
        "neutrophils_pct": "30",
        "bands_pct": "2",
        "age_group": "child",
        "lab_lower_limit": "1800",
        "lab_upper_limit": "7500",
        "feels_unwell": "on",
    },
    "mild": {"anc": "1200"},
    "high": {"anc": "9000"},
    "newborn": {"anc": "9000", "age_group": "newborn", "temperature": "38.5"},
    "unit question": {"anc": "1.2", "temperature": "39"},
    "limit question": {"anc": "1.2", "unit": "x10e9_per_l", "lab_lower_limit": "1800"},
    "errors": {"anc": "lots", "temperature": "hot", "lab_upper_limit": "-1", "unit": None, "age_group": None},
    "more errors": {"wbc": "600000", "neutrophils_pct": "90", "bands_pct": "20", "lab_lower_limit": "100"},
    "nothing": {},
}


@pytest.mark.parametrize("fields", ANSWERS.values(), ids=ANSWERS.keys())
def test_no_english_on_the_spanish_checker(check_count, fields):
    english = visible_texts(check_count("en-gb", **fields))
    spanish = visible_texts(check_count("es", **fields))
    assert english, "the English answer has words"
    assert not english & spanish, f"English on the Spanish page: {sorted(english & spanish)}"


def test_the_spanish_form_shows_no_english(client):
    english = visible_texts(client.get("/neutrophil-count/"))
    spanish = visible_texts(client.get(URL))
    assert not english & spanish, f"English on the Spanish page: {sorted(english & spanish)}"


def test_the_same_count_typed_the_way_each_language_writes_it_gets_the_same_answer(check_count):
    for language in ("en-gb", "es"):
        assert summary_of(check_count(language, anc="1.7", unit="x10e9_per_l")) == (Category.BORDERLINE, "1700")
