"""The count checker page, through the test client: answers, care cards, questions, errors, privacy."""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.forms import CountForm

pytestmark = [
    pytest.mark.django_db,
    # WhiteNoise warns that collectstatic has not run; the tests serve static files without it.
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

URL = "/neutrophil-count/"
FIELDS = list(CountForm.base_fields)
# Every rule that shows no words is checked in each language, the numbers written as that language writes them.
LANGUAGES = ["en-gb", "es"]


def answer_of(response):
    """The part of the page between the top and the form (the answer, question or error summary),
    with entities unescaped."""
    html = response.content.decode()
    return unescape(html[html.index('id="answer"') : html.index('id="count-form"')])


def summary_of(response):
    """The result's (data-category, data-anc), or None when the page has no interpretation."""
    found = re.search(r'data-category="([^"]*)" data-anc="([^"]*)"', response.content.decode())
    return None if found is None else (found[1], found[2])


def urgencies_of(response):
    return re.findall(r'data-urgency="([^"]+)"', answer_of(response))


def test_the_checker_has_a_named_address():
    assert reverse("checker:neutrophil_count") == URL


def test_get_shows_the_form_and_no_answer(client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<form id="count-form" class="count-form" method="post"' in html
    assert "csrfmiddlewaretoken" in html
    assert summary_of(response) is None
    assert "data-urgency" not in html


def test_the_site_navigation_links_to_the_checker(client):
    assert f'href="{URL}"' in client.get(reverse("articles:home")).content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_page_is_never_cached(client, method):
    response = getattr(client, method)(URL)
    assert "no-store" in response["Cache-Control"]


def test_other_methods_are_refused(client):
    assert client.put(URL).status_code == 405


def test_the_page_answers_with_what_the_rules_decide(check_count):
    # The grading table itself is tested on the pure rules (test_anc.py) and the form's reading of units
    # on the form (test_forms.py); here, that the page shows their answer.
    form = CountForm(
        {"unit": "x10e9_per_l", "wbc": "1.0", "neutrophils_pct": "11", "bands_pct": "5", "age_group": "adult"}
    )
    assert form.is_valid()
    expected = form.interpret()
    response = check_count(unit="x10e9_per_l", wbc="1.0", neutrophils_pct="11", bands_pct="5")
    assert summary_of(response) == (str(expected.category), str(expected.anc))


def test_the_answer_shows_both_units_and_the_plain_category(check_count):
    html = answer_of(check_count(anc="1.2", unit="x10e9_per_l"))
    assert "1,200 cells/µL" in html
    assert "1.2 ×10⁹/L" in html
    assert "mild neutropenia" in html
    assert "risk of infection" in html


def test_a_computed_count_shows_the_filled_in_formula(check_count):
    html = answer_of(check_count(wbc="9.2", neutrophils_pct="33", bands_pct="1", unit="x10e9_per_l"))
    assert "9.2 ×10⁹/L × (33 % + 1 %) = 3.128 ×10⁹/L = 3,128 cells/µL" in html


def test_a_count_given_directly_shows_no_formula(check_count):
    assert "How your count was worked out" not in answer_of(check_count(anc="3128"))


@pytest.mark.parametrize(
    ("fields", "urgencies"),
    [
        ({"anc": "3000"}, ["urgent"]),
        ({"anc": "3000", "temperature": "39"}, ["urgent"]),
        ({"anc": "300"}, ["urgent"]),
        ({"anc": "300", "temperature": "38.0"}, ["emergency", "urgent"]),
        ({"anc": "1700", "temperature": "100.4", "temperature_unit": "f"}, ["emergency", "urgent"]),
        ({"anc": "1700", "temperature": "100.3", "temperature_unit": "f"}, ["urgent"]),
        ({"anc": "1200", "temperature": "35.9"}, ["emergency", "urgent"]),
        ({"anc": "1200", "temperature": "36.0"}, ["urgent"]),
        ({"anc": "1200", "temperature": "96.7", "temperature_unit": "f"}, ["emergency", "urgent"]),
        ({"anc": "1200", "feels_unwell": "on"}, ["emergency", "urgent"]),
        ({"anc": "9000", "age_group": "newborn", "feels_unwell": "on"}, ["emergency", "urgent"]),
        ({"anc": "9000", "age_group": "newborn", "temperature": "38.1"}, ["emergency", "urgent"]),
        ({"anc": "1500", "age_group": "child", "feels_unwell": "on"}, ["urgent"]),
        ({"anc": "3000", "age_group": "young_infant", "temperature": "38.5"}, ["emergency", "urgent"]),
        ({"anc": "9000", "temperature": "39"}, ["urgent"]),
        # The safety net: a unit question, and a page of errors, carry the cards too.
        ({"anc": "0.3", "temperature": "39"}, ["emergency", "urgent"]),
        (
            {"anc": "0.3", "unit": "x10e9_per_l", "lab_lower_limit": "1800", "feels_unwell": "on"},
            ["emergency", "urgent"],
        ),
        ({"anc": "1.2"}, ["urgent"]),
        ({"feels_unwell": "on"}, ["emergency", "urgent"]),
        ({"anc": "lots", "temperature": "39"}, ["emergency", "urgent"]),
        ({"anc": "1200", "temperature": "101"}, ["urgent"]),
        ({}, ["urgent"]),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_care_cards_emergency_first_when_it_applies_and_the_fever_card_on_every_answer(
    check_count, fields, urgencies, language
):
    assert urgencies_of(check_count(language, **fields)) == urgencies


@pytest.mark.parametrize(
    ("fields", "opening"),
    [({"anc": "300", "feels_unwell": "on"}, "data-category"), ({"anc": "0.3", "feels_unwell": "on"}, "Did you mean")],
)
def test_the_emergency_card_opens_a_result_and_a_question(check_count, fields, opening):
    html = answer_of(check_count(**fields))
    assert html.index('data-urgency="emergency"') < html.index(opening) < html.index('data-urgency="urgent"')


def test_the_emergency_card_comes_before_the_error_summary(check_count):
    html = answer_of(check_count(feels_unwell="on"))
    assert (
        html.index('data-urgency="emergency"') < html.index("There is a problem") < html.index('data-urgency="urgent"')
    )


def test_nothing_comes_before_the_emergency_card(check_count):
    html = answer_of(check_count(anc="300", feels_unwell="on"))
    assert "<h2" not in html[: html.index('data-urgency="emergency"')]


def test_care_cards_are_labelled_regions_that_name_their_urgency(check_count):
    html = answer_of(check_count(anc="300", feels_unwell="on"))
    for urgency, spoken in (("emergency", "Immediate action required:"), ("urgent", "Urgent advice:")):
        card = re.search(rf'<section [^>]*data-urgency="{urgency}"[^>]*>(.*?)</section>', html, re.S)
        assert card is not None
        assert f'aria-labelledby="care-card-{urgency}-heading"' in card[0]
        assert f'<span class="visually-hidden">{spoken} </span>' in card[1]
        assert card[1].count("<li>") <= 5


# The notes' words in each language.
NOTES = {
    "en-gb": {
        "lab range": "The range printed on your report is the one that counts.",
        "duffy-null": "Some people have a lower count that is normal and healthy for them.",
        "newborn": "A newborn baby's count changes a lot from day to day",
        "labs use 1,500": "Many laboratories put the lower limit at 1,500 and would call it normal.",
        "high": "This is <strong>higher than the usual range</strong>.",
        "low counts guide": "This guide is about low counts, so ask your care team what a high count means for you.",
        "young ranges": "Children's and babies' ranges are different from adults'.",
    },
    "es": {
        "lab range": "Los que cuentan son los que vienen en su informe.",
        "duffy-null": "Algunas personas tienen un recuento más bajo que es normal y sano para ellas.",
        "newborn": "El recuento de un recién nacido cambia mucho de un día a otro en las primeras semanas de vida.",
        "labs use 1,500": "Muchos laboratorios ponen el límite inferior en 1.500 y lo considerarían normal.",
        "high": "Resultado: <strong>más alto de lo habitual</strong>.",
        "low counts guide": "Esta guía trata de los recuentos bajos, así que pregunte a su equipo médico",
        "young ranges": "Los valores de los niños y los bebés son distintos de los de los adultos.",
    },
}


@pytest.mark.parametrize(
    ("fields", "shown", "hidden"),
    [
        ({"anc": "3000"}, ["lab range"], ["duffy-null", "newborn"]),
        ({"anc": "1600"}, ["lab range", "duffy-null"], ["newborn"]),
        ({"anc": "1200"}, ["lab range", "duffy-null"], ["newborn", "labs use 1,500"]),
        ({"anc": "800"}, ["lab range"], ["duffy-null", "newborn"]),
        ({"anc": "9000", "age_group": "newborn"}, ["lab range", "newborn"], ["duffy-null"]),
        ({"anc": "1600"}, ["labs use 1,500"], []),
        ({"anc": "1750", "lab_lower_limit": "1800"}, ["duffy-null"], ["labs use 1,500"]),
        ({"anc": "9000"}, ["lab range", "high", "low counts guide"], ["young ranges", "duffy-null"]),
        ({"anc": "9000", "age_group": "child"}, ["high", "low counts guide", "young ranges"], []),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_notes(check_count, fields, shown, hidden, language):
    html = answer_of(check_count(language, **fields))
    for note in shown:
        assert NOTES[language][note] in html
    for note in hidden:
        assert NOTES[language][note] not in html


def test_the_answer_links_the_articles_that_matter(check_count):
    html = answer_of(check_count(anc="800"))
    for slug in ("precautions", "treatment", "diagnosis", "fever"):
        assert f'href="{reverse("articles:detail", args=[slug])}"' in html


def test_the_answer_has_the_disclaimer_and_its_sources(check_count):
    html = answer_of(check_count(anc="800"))
    assert "This tool does not diagnose. Your care team knows your history and your laboratory's ranges." in html
    assert "How we worked this out" in html
    assert "Common Terminology Criteria for Adverse Events" in html
    assert "StatPearls, “Neutrophilia” (NBK570571)" in html
    assert "NICE guideline NG143" in html


@pytest.mark.parametrize(
    ("fields", "band"), [({"anc": "1200"}, "mild"), ({"anc": "9000"}, "high"), ({"anc": "50"}, "profound")]
)
def test_the_result_draws_the_count_on_the_scale_of_bands(check_count, fields, band):
    html = answer_of(check_count(**fields))
    scale = re.search(r"<figure class=\"count-scale\" data-scale>(.*?)</figure>", html, re.S)
    assert scale is not None
    assert re.findall(r'data-band="([^"]+)"', scale[1]) == [
        "profound",
        "severe",
        "moderate",
        "mild",
        "borderline",
        "normal",
        "high",
    ]
    current = re.findall(r'data-band="([^"]+)" aria-current="true"', scale[1])
    assert current == [band]
    assert "Your count: " in scale[1]
    assert "is in the band" in scale[1]


def test_a_newborn_count_has_no_scale(check_count):
    assert "data-scale" not in answer_of(check_count(anc="9000", age_group="newborn"))


def test_an_implausible_number_gets_a_question_with_both_readings_as_buttons(check_count):
    response = check_count(anc="1.2")
    html = answer_of(response)
    assert response.status_code == 200
    assert summary_of(response) is None
    assert "Did you mean 1.2 ×10⁹/L (1,200 cells/µL)?" in html
    assert (
        '<button class="button" type="submit" name="anc_unit" value="x10e9_per_l">Use 1.2 ×10⁹/L (1,200 cells/µL)</button>'
        in html
    )
    assert 'name="anc_unit" value="cells_per_ul">Keep 1.2 cells/µL</button>' in html
    assert '<input type="hidden" name="anc" value="1.2">' in html
    assert '<input type="hidden" name="unit" value="cells_per_ul">' in html


def test_a_reading_that_is_not_possible_is_not_offered(check_count):
    html = answer_of(check_count(anc="1200", unit="x10e9_per_l"))
    assert "Did you mean 1,200 cells/µL (1.2 ×10⁹/L)?" in html
    assert "Keep" not in html


@pytest.mark.parametrize(("answer", "result"), [("x10e9_per_l", ("mild", "1200")), ("cells_per_ul", ("profound", "1"))])
def test_choosing_a_reading_answers_with_that_unit(check_count, answer, result):
    assert summary_of(check_count(anc="1.2", anc_unit=answer)) == result


def test_each_number_gets_its_own_question_and_none_twice(check_count):
    typed = {"anc": "1.2", "lab_lower_limit": "1800"}
    assert "Did you mean 1.2 ×10⁹/L" in answer_of(check_count(**typed))
    html = answer_of(check_count(**typed, anc_unit="x10e9_per_l"))
    assert "Did you mean a lower limit of 1,800 cells/µL (1.8 ×10⁹/L)?" in html
    assert 'name="lab_lower_limit_unit" value="cells_per_ul">Use 1,800 cells/µL (1.8 ×10⁹/L)</button>' in html
    assert '<input type="hidden" name="anc_unit" value="x10e9_per_l">' in html
    done = check_count(**typed, anc_unit="x10e9_per_l", lab_lower_limit_unit="cells_per_ul")
    assert summary_of(done) == ("mild", "1200")


def test_the_question_form_posts_without_putting_numbers_in_its_address(check_count):
    html = answer_of(check_count(anc="1.2"))
    assert '<form method="post" action="/neutrophil-count/#answer"' in html


BAD_INPUTS = [
    ({"anc": "abc"}, "anc"),
    ({"anc": "-5"}, "anc"),
    ({"anc": "NaN"}, "anc"),
    ({"anc": "Infinity"}, "anc"),
    ({"anc": "9" * 5000}, "anc"),
    ({"anc": "100001"}, "anc"),
    ({"anc": "1200", "wbc": "4000", "neutrophils_pct": "30"}, "anc"),
    ({}, "anc"),
    ({"wbc": "4000", "neutrophils_pct": "90", "bands_pct": "20"}, "neutrophils_pct"),
    ({"wbc": "4000", "neutrophils_pct": "101"}, "neutrophils_pct"),
    ({"wbc": "600000", "neutrophils_pct": "30"}, "wbc"),
    ({"anc": "1200", "lab_lower_limit": "100"}, "lab_lower_limit"),
    ({"anc": "1200", "lab_upper_limit": "2000"}, "lab_upper_limit"),
    ({"anc": "1200", "lab_lower_limit": "4000", "lab_upper_limit": "3500"}, "lab_upper_limit"),
    ({"anc": "1200", "temperature": "50"}, "temperature"),
    ({"anc": "1200", "unit": "furlongs"}, "unit"),
    ({"anc": "1200", "age_group": "teenager"}, "age_group"),
    ({"anc": "1200", "temperature": "38", "temperature_unit": "kelvin"}, "temperature_unit"),
]


@pytest.mark.parametrize(("fields", "field"), BAD_INPUTS)
@pytest.mark.parametrize(("language", "summary"), [("en-gb", "There is a problem"), ("es", "Hay un problema")])
def test_bad_input_gives_the_form_back_with_a_message_by_the_field(check_count, fields, field, language, summary):
    response = check_count(language, **fields)
    html = response.content.decode()
    assert response.status_code == 200
    assert summary_of(response) is None
    assert summary in answer_of(response)
    assert f'id="id_{field}_error"' in html
    assert f'href="#id_{field}' in answer_of(response)


@pytest.mark.parametrize(("field", "typed"), [("anc", "abc"), ("anc", "-5"), ("temperature", "hot"), ("wbc", "4,5")])
def test_what_was_typed_is_given_back(check_count, field, typed):
    fields = {"anc": "1200", field: typed} if field != "anc" else {field: typed}
    if field == "wbc":
        fields = {"wbc": typed, "neutrophils_pct": "50"}
    html = check_count(**fields).content.decode()
    assert f'name="{field}" value="{typed}"' in html


def test_a_bad_field_is_marked_invalid_and_described_by_its_hint_and_error(check_count):
    html = check_count(anc="abc").content.decode()
    field = re.search(r'<input type="text" name="anc"[^>]*>', html)
    assert field is not None
    assert 'aria-invalid="true"' in field[0]
    assert 'aria-describedby="id_anc_helptext id_anc_error"' in field[0]


def test_hostile_text_is_escaped(check_count):
    html = check_count(anc='"><script>alert(1)</script>').content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


any_text = st.text(max_size=40) | st.sampled_from(
    ["1.2", "1,200", "1,2", "1.200", "38", "-1", "NaN", "1e999", "adult", "c", "on"]
)


@pytest.mark.parametrize("address", [URL, f"/es{URL}"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS, any_text)))
def test_posting_anything_never_gives_a_server_error(address, data):
    client = Client(raise_request_exception=True)
    assert client.post(address, data).status_code == 200


def test_a_set_of_radios_is_described_by_its_hint_and_error(check_count):
    html = check_count(anc="1200", unit="furlongs").content.decode()
    assert '<fieldset class="field field-error" aria-describedby="id_unit_helptext id_unit_error">' in html
