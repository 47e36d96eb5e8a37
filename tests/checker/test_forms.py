"""The count checker's form: every bad input gets a message on its own field, never an exception."""

from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import anc
from checker.anc import Category, Measure
from checker.forms import CountForm

FIELDS = list(CountForm.base_fields)


def form(**fields):
    data = {"unit": "cells_per_ul", "age_group": "adult", "temperature_unit": "c", **fields}
    return CountForm({name: value for name, value in data.items() if value is not None})


def errors_of(bound):
    assert bound.is_valid() is False
    return bound.errors


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abc", "Enter the neutrophil count as a number, like 1.2 or 1,200"),
        ("1.2.3", "Enter the neutrophil count as a number"),
        ("12 K/µL", "Enter the neutrophil count as a number"),
        ("1e5", "Enter the neutrophil count as a number"),
        ("0x10", "Enter the neutrophil count as a number"),
        ("NaN", "Enter the neutrophil count as a number"),
        ("nan", "Enter the neutrophil count as a number"),
        ("inf", "Enter the neutrophil count as a number"),
        ("Infinity", "Enter the neutrophil count as a number"),
        ("-inf", "Enter the neutrophil count as a number"),
        ("١٢٠٠", "Enter the neutrophil count as a number"),
        ("1,20", "Use a point for decimals in the neutrophil count, like 1.2 or 1,200"),
        ("12,00,000", "Enter the neutrophil count as a number"),
        ("-5", "The neutrophil count cannot be below 0"),
        ("\N{MINUS SIGN}1.2", "The neutrophil count cannot be below 0"),
        ("9" * 21, "The neutrophil count is too long. Enter just the number from your report"),
        ("1" * 10_000, "The neutrophil count is too long"),
        ("1\x002", "Enter the neutrophil count as a number"),
        ("100001", "Enter the neutrophil count from 0 to 100,000 cells/µL"),
    ],
)
def test_a_bad_neutrophil_count_gets_a_message_on_its_field(typed, message):
    assert errors_of(form(anc=typed))["anc"][0].startswith(message)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"wbc": "abc", "neutrophils_pct": "50"}, "wbc", "Enter the white cell count as a number"),
        ({"wbc": "600000", "neutrophils_pct": "50"}, "wbc", "Enter the white cell count from 100 to 500,000 cells/µL"),
        (
            {"unit": "x10e9_per_l", "wbc": "0.05", "neutrophils_pct": "50"},
            "wbc",
            "Enter the white cell count from 0.1 to 500 ×10⁹/L",
        ),
        ({"wbc": "4000", "neutrophils_pct": "101"}, "neutrophils_pct", "Enter the % neutrophils from 0 to 100"),
        ({"wbc": "4000", "neutrophils_pct": "-1"}, "neutrophils_pct", "The % neutrophils cannot be below 0"),
        (
            {"wbc": "4000", "neutrophils_pct": "50", "bands_pct": "100.5%"},
            "bands_pct",
            "Enter the % bands from 0 to 100",
        ),
        (
            {"wbc": "4000", "neutrophils_pct": "90", "bands_pct": "11"},
            "neutrophils_pct",
            "The percentages add up to more than 100",
        ),
        (
            {"anc": "1200", "lab_lower_limit": "199"},
            "lab_lower_limit",
            "Enter the lower limit from 200 to 5,000 cells/µL",
        ),
        (
            {"anc": "1200", "lab_upper_limit": "2.9"},
            "lab_upper_limit",
            "Enter the upper limit from 3,000 to 15,000 cells/µL, in the same unit as the count",
        ),
        (
            {"unit": "x10e9_per_l", "anc": "1.2", "lab_upper_limit": "16"},
            "lab_upper_limit",
            "Enter the upper limit from 3 to 15 ×10⁹/L, in the same unit as the count",
        ),
        (
            {"anc": "1200", "lab_lower_limit": "4000", "lab_upper_limit": "4000"},
            "lab_upper_limit",
            "The upper limit must be above the lower limit. Check them against your report",
        ),
        (
            {"unit": "x10e9_per_l", "anc": "1.2", "lab_lower_limit": "4", "lab_upper_limit": "3.5"},
            "lab_upper_limit",
            "The upper limit must be above the lower limit",
        ),
        ({"anc": "1200", "lab_upper_limit": "lots"}, "lab_upper_limit", "Enter the upper limit as a number"),
        (
            {"unit": "x10e9_per_l", "anc": "1.2", "lab_lower_limit": "6"},
            "lab_lower_limit",
            "Enter the lower limit from 0.2 to 5 ×10⁹/L, in the same unit as the count",
        ),
        ({"anc": "1200", "temperature": "29.9"}, "temperature", "Enter a temperature from 30 to 45 °C"),
        ({"anc": "1200", "temperature": "101"}, "temperature", "Enter a temperature from 30 to 45 °C. Check the unit"),
        ({"anc": "1200", "temperature": "85.9", "temperature_unit": "f"}, "temperature", "from 86 to 113 °F"),
        ({"anc": "1200", "temperature": "113.1", "temperature_unit": "f"}, "temperature", "from 86 to 113 °F"),
        ({"anc": "1200", "temperature": "hot"}, "temperature", "Enter the temperature as a number, like 37.5"),
        ({"anc": "1200", "temperature": "38", "temperature_unit": None}, "temperature_unit", "Choose °C or °F"),
        ({"anc": "1200", "unit": None}, "unit", "Choose the unit your report uses"),
        ({"anc": "1200", "unit": "furlongs"}, "unit", "Choose the unit your report uses"),
        ({"anc": "1200", "age_group": "teenager"}, "age_group", "Choose whose count this is"),
        ({"anc": "1200", "age_group": None}, "age_group", "Choose whose count this is"),
        ({"anc": "1200", "temperature": "38", "temperature_unit": "k"}, "temperature_unit", "Choose °C or °F"),
    ],
)
def test_every_bad_input_gets_a_message_on_its_own_field(fields, field, message):
    assert message in " ".join(errors_of(form(**fields))[field])


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({}, "anc", "Enter the neutrophil count, or the white cell count and % neutrophils"),
        ({"anc": "  "}, "anc", "Enter the neutrophil count, or the white cell count and % neutrophils"),
        ({"anc": "1200", "wbc": "4000", "neutrophils_pct": "30"}, "anc", "not both"),
        ({"anc": "1200", "bands_pct": "3"}, "anc", "not both"),
        ({"wbc": "4000"}, "neutrophils_pct", "Enter the % neutrophils from your report"),
        ({"neutrophils_pct": "30"}, "wbc", "Enter the white cell count from your report"),
        ({"bands_pct": "3"}, "wbc", "Enter the white cell count from your report"),
    ],
)
def test_exactly_one_way_of_giving_the_count(fields, field, message):
    assert message in " ".join(errors_of(form(**fields))[field])


def test_a_field_with_its_own_error_gets_no_second_message():
    errors = errors_of(form(anc="abc", wbc="4000", neutrophils_pct="30"))
    assert list(errors["anc"]) == ["Enter the neutrophil count as a number, like 1.2 or 1,200"]


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1200", "1200"), ("1,200", "1200"), ("12,345.5", "12345.5"), (" 1.2 ", "1.2"), (".5", "0.5"), ("0", "0")],
)
def test_numbers_as_reports_print_them_are_read_exactly(typed, value):
    bound = form(anc=typed, anc_unit="cells_per_ul")
    assert bound.is_valid(), bound.errors
    assert bound.cleaned_data["anc"] == Decimal(value)


@pytest.mark.parametrize(("typed", "value"), [("33", "33"), ("33%", "33"), ("33.5 %", "33.5"), ("0", "0")])
def test_a_percentage_may_carry_its_sign(typed, value):
    bound = form(wbc="4000", neutrophils_pct=typed)
    assert bound.is_valid(), bound.errors
    assert bound.cleaned_data["neutrophils_pct"] == Decimal(value)


def test_empty_bands_count_as_zero():
    bound = form(wbc="4000", neutrophils_pct="40", bands_pct="")
    assert bound.is_valid()
    assert bound.interpret().anc == 1_600


@pytest.mark.parametrize(
    ("fields", "measure", "other_cells"),
    [
        ({"anc": "1.2"}, "anc", Decimal(1_200)),
        ({"anc": "1200", "unit": "x10e9_per_l"}, "anc", Decimal(1_200)),
        ({"wbc": "4.5", "neutrophils_pct": "50"}, "wbc", Decimal(4_500)),
        ({"wbc": "4500", "neutrophils_pct": "50", "unit": "x10e9_per_l"}, "wbc", Decimal(4_500)),
        ({"anc": "1200", "lab_lower_limit": "1.5"}, "lab_lower_limit", Decimal(1_500)),
        ({"anc": "1200", "lab_upper_limit": "7.5"}, "lab_upper_limit", Decimal(7_500)),
        ({"anc": "1.2", "unit": "x10e9_per_l", "lab_upper_limit": "7500"}, "lab_upper_limit", Decimal(7_500)),
    ],
)
def test_a_number_implausible_for_its_unit_asks_instead_of_guessing(fields, measure, other_cells):
    bound = form(**fields)
    assert bound.is_valid(), bound.errors
    assert bound.unit_question.measure == measure
    assert bound.unit_question.other.cells == other_cells


@pytest.mark.parametrize(("answer", "category"), [("cells_per_ul", Category.PROFOUND), ("x10e9_per_l", Category.MILD)])
def test_an_answered_number_is_not_asked_about_again(answer, category):
    bound = form(anc="1.2", anc_unit=answer)
    assert bound.is_valid()
    assert bound.unit_question is None
    assert bound.interpret().category is category


def test_an_answer_that_is_not_a_unit_is_no_answer():
    bound = form(anc="1.2", anc_unit="furlongs")
    assert bound.is_valid()
    assert bound.unit_question.measure is Measure.ANC


def test_an_answer_about_a_number_not_typed_changes_nothing():
    bound = form(anc="1.2", wbc_unit="x10e9_per_l")
    assert bound.is_valid()
    assert bound.unit_question.measure is Measure.ANC
    assert bound.units[Measure.LAB_LOWER_LIMIT] is anc.Unit.CELLS_PER_UL


def test_an_answered_number_still_needs_to_be_in_range():
    bound = form(anc="1200", unit="x10e9_per_l", anc_unit="x10e9_per_l")
    assert "Enter the neutrophil count from 0 to 100 ×10⁹/L" in errors_of(bound)["anc"][0]


def test_a_question_is_not_asked_while_other_fields_have_errors():
    bound = form(anc="1.2", temperature="hot")
    assert bound.is_valid() is False


def test_after_answering_every_number_is_read_again_with_no_loop_and_no_dead_end():
    # "1.2" with a lower limit "1800", both typed as cells/µL: today's reading of the count as ×10⁹/L
    # makes the limit 1,800 ×10⁹/L. That limit gets its own question, then the answer is worked out.
    typed = {"anc": "1.2", "lab_lower_limit": "1800"}
    first = form(**typed)
    assert first.is_valid()
    assert first.unit_question.measure is Measure.ANC
    second = form(**typed, anc_unit="x10e9_per_l")
    assert second.is_valid(), second.errors
    assert second.unit_question.measure is Measure.LAB_LOWER_LIMIT
    assert str(second.unit_question.heading) == "Did you mean a lower limit of 1,800 cells/µL (1.8 ×10⁹/L)?"
    third = form(**typed, anc_unit="x10e9_per_l", lab_lower_limit_unit="cells_per_ul")
    assert third.is_valid(), third.errors
    assert third.unit_question is None
    result = third.interpret()
    assert (result.anc, result.category) == (1_200, Category.MILD)
    assert str(result.rules[0]).startswith("We used the lower limit from your report: a count below 1,800")


def test_keeping_the_typed_reading_needs_no_second_question():
    bound = form(anc="1.2", lab_lower_limit="1800", anc_unit="cells_per_ul")
    assert bound.is_valid(), bound.errors
    assert bound.unit_question is None
    assert bound.interpret().category is Category.PROFOUND


def test_the_resubmission_carries_everything_typed_and_the_answers_so_far():
    bound = form(anc="1.2", age_group="child", temperature="38.5", feels_unwell="on", lab_lower_limit="1.5")
    assert bound.is_valid()
    assert bound.unit_question.measure is Measure.ANC
    assert dict(bound.resubmission()) == {
        "unit": "cells_per_ul",
        "anc": "1.2",
        "age_group": "child",
        "lab_lower_limit": "1.5",
        "temperature": "38.5",
        "temperature_unit": "c",
        "feels_unwell": "on",
    }
    assert bound.answer_name() == "anc_unit"
    answered = form(**dict(bound.resubmission()), anc_unit="x10e9_per_l")
    assert answered.is_valid()
    assert answered.unit_question is None
    assert dict(answered.resubmission())["anc_unit"] == "x10e9_per_l"


def test_error_links_point_at_the_inputs():
    bound = form(anc="abc", unit=None)
    bound.is_valid()
    assert dict(bound.error_links()) == {
        "id_unit_0": "Choose the unit your report uses",
        "id_anc": "Enter the neutrophil count as a number, like 1.2 or 1,200",
    }


@pytest.mark.parametrize(
    ("fields", "cells", "category"),
    [
        ({"anc": "1.7", "unit": "x10e9_per_l"}, 1_700, Category.BORDERLINE),
        ({"anc": "1701"}, 1_701, Category.NORMAL),
        ({"wbc": "9.2", "neutrophils_pct": "33", "bands_pct": "1", "unit": "x10e9_per_l"}, 3_128, Category.NORMAL),
        ({"wbc": "1.0", "neutrophils_pct": "11", "bands_pct": "5", "unit": "x10e9_per_l"}, 160, Category.SEVERE),
        ({"anc": "1.75", "unit": "x10e9_per_l", "lab_lower_limit": "1.8"}, 1_750, Category.BORDERLINE),
        ({"anc": "1300", "lab_lower_limit": "1,200"}, 1_300, Category.NORMAL),
        ({"anc": "8", "unit": "x10e9_per_l", "lab_upper_limit": "7.5"}, 8_000, Category.HIGH),
        ({"anc": "9", "unit": "x10e9_per_l", "lab_upper_limit": "10"}, 9_000, Category.NORMAL),
        ({"anc": "80", "unit": "x10e9_per_l"}, 80_000, Category.HIGH),
    ],
)
def test_the_form_converts_units_before_interpreting(fields, cells, category):
    bound = form(**fields)
    assert bound.is_valid(), bound.errors
    result = bound.interpret()
    assert (result.anc, result.category) == (cells, category)


@pytest.mark.parametrize(
    ("temperature", "unit", "emergency"), [("38.0", "c", True), ("100.4", "f", True), ("96.8", "f", False)]
)
def test_the_temperature_unit_is_used(temperature, unit, emergency):
    bound = form(anc="800", temperature=temperature, temperature_unit=unit)
    assert bound.is_valid(), bound.errors
    assert bound.interpret().emergency is emergency


@pytest.mark.parametrize(
    ("fields", "formula"),
    [
        (
            {"wbc": "9.2", "neutrophils_pct": "33", "bands_pct": "1", "unit": "x10e9_per_l"},
            "9.2 ×10⁹/L × (33 % + 1 %) = 3.128 ×10⁹/L = 3,128 cells/µL",
        ),
        (
            {"wbc": "4.5", "neutrophils_pct": "50%", "wbc_unit": "x10e9_per_l"},
            "4.5 ×10⁹/L × 50 % = 2.25 ×10⁹/L = 2,250 cells/µL",
        ),
        ({"wbc": "4,500", "neutrophils_pct": "50"}, "4,500 cells/µL × 50 % = 2,250 cells/µL"),
    ],
)
def test_the_formula_uses_the_numbers_as_typed_in_the_unit_they_are_read_in(fields, formula):
    bound = form(**fields)
    assert bound.is_valid(), bound.errors
    assert str(bound.interpret().formula) == formula


# The safety net: the emergency card on every kind of answer (reference section 6, rev. 2).
EMERGENCY, BABY = anc.EMERGENCY, anc.EMERGENCY_BABY
SAFETY_NET = [
    # (fields, emergency card)
    # A page of errors: the count left empty or unreadable.
    ({"feels_unwell": "on"}, EMERGENCY),
    ({"temperature": "39"}, EMERGENCY),
    ({}, None),
    ({"anc": "lots", "temperature": "38.5"}, EMERGENCY),
    ({"anc": "1200", "unit": None, "feels_unwell": "on"}, EMERGENCY),
    ({"wbc": "4000", "temperature": "39"}, EMERGENCY),
    ({"anc": "1200", "lab_lower_limit": "lots", "feels_unwell": "on"}, EMERGENCY),
    ({"anc": "1200", "age_group": None, "feels_unwell": "on"}, EMERGENCY),
    # A temperature that cannot be read is no fever sign; the tick still is; a count we can read decides.
    ({"anc": "1200", "temperature": "101"}, None),
    ({"anc": "1200", "temperature": "101", "feels_unwell": "on"}, EMERGENCY),
    ({"anc": "3000", "temperature": "101", "feels_unwell": "on"}, None),
    ({"anc": "3000", "temperature": "39", "temperature_unit": None}, None),
    # A unit question, with fever, for both units.
    ({"anc": "0.3", "temperature": "39"}, EMERGENCY),
    ({"anc": "20", "feels_unwell": "on"}, EMERGENCY),
    ({"anc": "49", "feels_unwell": "on"}, EMERGENCY),
    ({"anc": "0.3"}, None),
    ({"anc": "1200", "unit": "x10e9_per_l", "temperature": "39"}, EMERGENCY),
    ({"anc": "5000", "unit": "x10e9_per_l", "temperature": "39"}, None),
    ({"wbc": "4.5", "neutrophils_pct": "50", "temperature": "39"}, None),
    ({"wbc": "1.5", "neutrophils_pct": "50", "temperature": "39"}, EMERGENCY),
    ({"anc": "3000", "lab_lower_limit": "3.5", "temperature": "39"}, EMERGENCY),
    ({"anc": "3000", "lab_lower_limit": "1.5", "temperature": "39"}, None),
    # Babies under 3 months: any count, and any kind of answer.
    ({"anc": "3000", "age_group": "young_infant", "temperature": "38.5"}, BABY),
    ({"anc": "3000", "age_group": "young_infant"}, None),
    ({"anc": "3000", "age_group": "infant", "temperature": "38.5"}, None),
    ({"anc": "0.3", "age_group": "newborn", "feels_unwell": "on"}, BABY),
    ({"age_group": "young_infant", "feels_unwell": "on"}, BABY),
]


@pytest.mark.parametrize(("fields", "card"), SAFETY_NET)
def test_the_emergency_card_is_decided_for_every_kind_of_answer(fields, card):
    bound = form(**fields)
    bound.is_valid()
    assert bound.emergency_card() is card


def test_the_labels_use_plain_words_with_the_report_terms_beside_them():
    fields = CountForm.base_fields
    assert fields["anc"].label == "Neutrophil count (ANC, absolute neutrophils, NEUT#)"
    assert "WBC" in fields["wbc"].label
    assert fields["feels_unwell"].label == "I feel hot and shivery, or generally unwell"


@pytest.mark.parametrize("name", ["anc", "wbc", "neutrophils_pct", "bands_pct", "lab_lower_limit", "temperature"])
def test_number_inputs_are_text_with_a_decimal_keypad_and_no_autocomplete(name):
    html = str(CountForm()[name])
    assert 'type="text"' in html
    assert 'inputmode="decimal"' in html
    assert 'autocomplete="off"' in html


any_text = st.text(max_size=30) | st.sampled_from(
    ["1.2", "1,200", "1,2", "1.200", "38", "50", "-1", "NaN", "1e999", "adult", "c"]
)


@pytest.mark.parametrize("language", ["en-gb", "es"])
@settings(max_examples=150, deadline=None)
@given(st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS, any_text)))
def test_any_input_either_validates_or_gives_field_errors(language, data):
    with translation.override(language):
        bound = CountForm(data)
        if bound.is_valid():
            if bound.unit_question is None:
                bound.interpret()
        else:
            assert set(bound.errors) <= set(FIELDS)
        bound.emergency_card()
