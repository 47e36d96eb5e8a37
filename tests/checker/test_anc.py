"""The count rules against every table and boundary of shared/clinical-reference.md."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import anc
from checker.anc import AgeGroup, Category, Measure, Note, Temperature, TemperatureUnit, Unit

ADULT, CHILD, INFANT, NEWBORN = AgeGroup.ADULT, AgeGroup.CHILD, AgeGroup.INFANT, AgeGroup.NEWBORN
YOUNG_INFANT = AgeGroup.YOUNG_INFANT
LOWER, UPPER = Measure.LAB_LOWER_LIMIT, Measure.LAB_UPPER_LIMIT
CELLS, X10E9 = Unit.CELLS_PER_UL, Unit.X10E9_PER_L
C, F = TemperatureUnit.CELSIUS, TemperatureUnit.FAHRENHEIT


def D(text: str | int) -> Decimal:
    return Decimal(text)


# Section 1: computing the ANC


@pytest.mark.parametrize(
    ("wbc_x10e9", "segs", "bands", "expected"),
    [
        ("9.2", "33", "1", 3_128),  # MDCalc worked check
        ("1.0", "11", "5", 160),  # MDCalc worked check
        ("4", "50", "0", 2_000),
        ("0.1", "100", "0", 100),
        ("500", "0", "0", 0),
    ],
)
def test_anc_is_wbc_times_segs_plus_bands_over_100(wbc_x10e9, segs, bands, expected):
    wbc = anc.to_cells_per_ul(D(wbc_x10e9), X10E9)
    assert anc.compute_anc(wbc, D(segs), D(bands)) == expected


def test_missing_bands_count_as_zero():
    assert anc.compute_anc(D(4_000), D(40)) == 1_600
    assert anc.interpret_count(wbc=D(4_000), segs_pct=D(40)).anc == 1_600


@pytest.mark.parametrize(
    ("wbc", "unit", "segs", "bands", "formula"),
    [
        ("9.2", X10E9, "33", "1", "9.2 ×10⁹/L × (33 % + 1 %) = 3.128 ×10⁹/L = 3,128 cells/µL"),
        ("1.0", X10E9, "11", "5", "1.0 ×10⁹/L × (11 % + 5 %) = 0.16 ×10⁹/L = 160 cells/µL"),
        ("9200", CELLS, "33", "1", "9,200 cells/µL × (33 % + 1 %) = 3,128 cells/µL"),
        ("1234", CELLS, "33", "0", "1,234 cells/µL × (33 % + 0 %) = 407.22 cells/µL, rounded to 407 cells/µL"),
        ("1234", CELLS, "33", None, "1,234 cells/µL × 33 % = 407.22 cells/µL, rounded to 407 cells/µL"),
        (
            "1.2345",
            X10E9,
            "33.3",
            None,
            "1.2345 ×10⁹/L × 33.3 % = 0.4110885 ×10⁹/L = 411.0885 cells/µL, rounded to 411 cells/µL",
        ),
    ],
)
def test_formula_is_in_the_persons_own_numbers_and_unit_then_converted(wbc, unit, segs, bands, formula):
    bands = None if bands is None else D(bands)
    assert str(anc.anc_formula(D(wbc), unit, D(segs), bands)) == formula


def test_an_anc_given_directly_has_no_formula():
    result = anc.interpret_count(anc=D(3_128))
    assert result.formula is None
    assert result.computed is False


def test_a_computed_anc_carries_its_formula_in_the_unit_the_wbc_was_typed_in():
    wbc = anc.to_cells_per_ul(D("9.2"), X10E9)
    result = anc.interpret_count(wbc=wbc, wbc_unit=X10E9, segs_pct=D(33), bands_pct=D(1))
    assert result.computed is True
    assert str(result.formula) == "9.2 ×10⁹/L × (33 % + 1 %) = 3.128 ×10⁹/L = 3,128 cells/µL"


# Section 2: units


@pytest.mark.parametrize(
    ("value", "unit", "cells"),
    [
        ("1", X10E9, "1000"),
        ("1.2", X10E9, "1200"),
        ("0.001", X10E9, "1"),
        ("0.0005", X10E9, "0.5"),
        ("100", X10E9, "100000"),
        ("1200", CELLS, "1200"),
        ("0", X10E9, "0"),
    ],
)
def test_conversion_to_cells_per_microlitre_is_exact(value, unit, cells):
    assert anc.to_cells_per_ul(D(value), unit) == D(cells)
    assert anc.from_cells_per_ul(D(cells), unit) == D(value)


@pytest.mark.parametrize(
    ("cells", "cells_text", "x10e9_text"),
    [
        (1_200, "1,200 cells/µL", "1.2 ×10⁹/L"),
        (3_128, "3,128 cells/µL", "3.128 ×10⁹/L"),
        (160, "160 cells/µL", "0.16 ×10⁹/L"),
        (2_000, "2,000 cells/µL", "2.0 ×10⁹/L"),
        (100_000, "100,000 cells/µL", "100.0 ×10⁹/L"),
        (0, "0 cells/µL", "0.0 ×10⁹/L"),
    ],
)
def test_a_count_is_written_in_both_units(cells, cells_text, x10e9_text):
    assert str(anc.format_count(cells, CELLS)) == cells_text
    assert str(anc.format_count(cells, X10E9)) == x10e9_text


def test_a_result_shows_the_count_in_both_units():
    result = anc.interpret_count(anc=D(1_200))
    assert (str(result.anc_cells_per_ul), str(result.anc_x10e9_per_l)) == ("1,200 cells/µL", "1.2 ×10⁹/L")


@pytest.mark.parametrize(
    ("cells", "whole"),
    [("1700.4", 1_700), ("1700.5", 1_701), ("1499.5", 1_500), ("407.22", 407), ("0.4", 0), ("99.5", 100)],
)
def test_a_fractional_count_is_rounded_half_up_to_a_whole_cell(cells, whole):
    assert anc.whole_cells(D(cells)) == whole


@pytest.mark.parametrize(
    ("kwargs", "anc_shown", "category"),
    [
        ({"wbc": D(5_001), "segs_pct": D(34)}, 1_700, Category.BORDERLINE),  # 1,700.34
        ({"wbc": D(5_000), "segs_pct": D("34.01")}, 1_701, Category.NORMAL),  # 1,700.5
        ({"anc": D("1700.4")}, 1_700, Category.BORDERLINE),
        ({"anc": D("99.5")}, 100, Category.SEVERE),
    ],
)
def test_the_grade_matches_the_whole_number_shown(kwargs, anc_shown, category):
    result = anc.interpret_count(**kwargs)
    assert (result.anc, result.category) == (anc_shown, category)


PLAUSIBLE_RANGE_EDGES = [
    # (range, value in cells/µL or °C, inside)
    (anc.ANC_RANGE, "0", True),
    (anc.ANC_RANGE, "100000", True),
    (anc.ANC_RANGE, "100000.1", False),
    (anc.ANC_RANGE, "-0.1", False),
    (anc.WBC_RANGE, "100", True),
    (anc.WBC_RANGE, "99.9", False),
    (anc.WBC_RANGE, "500000", True),
    (anc.WBC_RANGE, "500000.1", False),
    (anc.PERCENT_RANGE, "0", True),
    (anc.PERCENT_RANGE, "100", True),
    (anc.PERCENT_RANGE, "100.1", False),
    (anc.PERCENT_RANGE, "-1", False),
    (anc.LAB_LOWER_LIMIT_RANGE, "200", True),
    (anc.LAB_LOWER_LIMIT_RANGE, "199.9", False),
    (anc.LAB_LOWER_LIMIT_RANGE, "5000", True),
    (anc.LAB_LOWER_LIMIT_RANGE, "5000.1", False),
    (anc.LAB_UPPER_LIMIT_RANGE, "3000", True),
    (anc.LAB_UPPER_LIMIT_RANGE, "2999.9", False),
    (anc.LAB_UPPER_LIMIT_RANGE, "15000", True),
    (anc.LAB_UPPER_LIMIT_RANGE, "15000.1", False),
    (anc.TEMPERATURE_RANGE_C, "30", True),
    (anc.TEMPERATURE_RANGE_C, "29.9", False),
    (anc.TEMPERATURE_RANGE_C, "45", True),
    (anc.TEMPERATURE_RANGE_C, "45.1", False),
]


@pytest.mark.parametrize(("plausible", "value", "inside"), PLAUSIBLE_RANGE_EDGES)
def test_plausible_ranges_include_their_edges(plausible, value, inside):
    assert (D(value) in plausible) is inside


@pytest.mark.parametrize(
    ("plausible", "low_x10e9", "high_x10e9"),
    [
        (anc.ANC_RANGE, "0", "100"),
        (anc.WBC_RANGE, "0.1", "500"),
        (anc.LAB_LOWER_LIMIT_RANGE, "0.2", "5"),
        (anc.LAB_UPPER_LIMIT_RANGE, "3", "15"),
    ],
)
def test_plausible_ranges_in_x10e9_per_litre(plausible, low_x10e9, high_x10e9):
    assert anc.to_cells_per_ul(D(low_x10e9), X10E9) == plausible.low
    assert anc.to_cells_per_ul(D(high_x10e9), X10E9) == plausible.high


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "sNaN"])
def test_no_range_holds_a_number_that_is_not_finite(value):
    assert D(value) not in anc.ANC_RANGE


@pytest.mark.parametrize(
    ("value", "unit", "inside"),
    [
        ("30", C, True),
        ("29.9", C, False),
        ("45", C, True),
        ("45.1", C, False),
        ("86", F, True),
        ("85.9", F, False),
        ("113", F, True),
        ("113.1", F, False),
    ],
)
def test_plausible_temperatures_in_both_scales(value, unit, inside):
    assert Temperature(D(value), unit).plausible is inside


UNIT_QUESTIONS = [
    # (measure, typed, unit chosen, the other reading in cells/µL or None for no question)
    (Measure.ANC, "1.2", CELLS, "1200"),
    (Measure.ANC, "49.9", CELLS, "49900"),
    (Measure.ANC, "50", CELLS, None),
    (Measure.ANC, "0", CELLS, None),
    (Measure.ANC, "1200", CELLS, None),
    (Measure.ANC, "1.2", X10E9, None),
    (Measure.ANC, "100", X10E9, None),
    (Measure.ANC, "100.5", X10E9, "100.5"),
    (Measure.ANC, "1200", X10E9, "1200"),
    (Measure.ANC, "100000", X10E9, "100000"),
    (Measure.ANC, "100001", X10E9, None),
    (Measure.ANC, "-1.2", CELLS, None),
    (Measure.WBC, "4.5", CELLS, "4500"),
    (Measure.WBC, "99.9", CELLS, "99900"),
    (Measure.WBC, "0.1", CELLS, "100"),
    (Measure.WBC, "0.09", CELLS, None),
    (Measure.WBC, "100", CELLS, None),
    (Measure.WBC, "4.5", X10E9, None),
    (Measure.WBC, "500", X10E9, None),
    (Measure.WBC, "4500", X10E9, "4500"),
    (Measure.WBC, "500000", X10E9, "500000"),
    (Measure.WBC, "500001", X10E9, None),
    (LOWER, "1.8", CELLS, "1800"),
    (LOWER, "0.2", CELLS, "200"),
    (LOWER, "0.19", CELLS, None),
    (LOWER, "1800", CELLS, None),
    (LOWER, "1.8", X10E9, None),
    (LOWER, "1800", X10E9, "1800"),
    (UPPER, "7.5", CELLS, "7500"),
    (UPPER, "2.9", CELLS, None),
    (UPPER, "7500", CELLS, None),
    (UPPER, "7500", X10E9, "7500"),
    (UPPER, "16000", X10E9, None),
]


@pytest.mark.parametrize(("measure", "typed", "unit", "other_cells"), UNIT_QUESTIONS)
def test_a_number_implausible_for_its_unit_gets_a_question(measure, typed, unit, other_cells):
    question = anc.unit_question(measure, D(typed), unit)
    if other_cells is None:
        assert question is None
    else:
        assert question is not None
        assert question.other == anc.Reading(unit.other, D(other_cells), plausible=True)
        assert question.as_typed.unit is unit


def test_a_question_offers_each_reading_as_its_own_button():
    question = anc.unit_question(Measure.ANC, D("1.2"), CELLS)
    assert question is not None
    assert str(question.heading) == "Did you mean 1.2 ×10⁹/L (1,200 cells/µL)?"
    assert (str(question.use_label), str(question.keep_label)) == (
        "Use 1.2 ×10⁹/L (1,200 cells/µL)",
        "Keep 1.2 cells/µL",
    )
    assert question.plausible_readings == (question.other, question.as_typed)
    assert [reading.cells for reading in question.plausible_readings] == [1_200, D("1.2")]


def test_a_reading_outside_every_range_is_not_offered():
    question = anc.unit_question(Measure.ANC, D(1_200), X10E9)
    assert question is not None
    assert question.as_typed.plausible is False
    assert question.plausible_readings == (question.other,)
    assert str(question.use_label) == "Use 1,200 cells/µL (1.2 ×10⁹/L)"


def test_a_question_about_a_limit_names_the_limit():
    question = anc.unit_question(LOWER, D(1_800), X10E9)
    assert question is not None
    assert str(question.heading) == "Did you mean a lower limit of 1,800 cells/µL (1.8 ×10⁹/L)?"
    assert str(question.why).startswith("A lower limit of 1,800 ×10⁹/L is not possible")
    question = anc.unit_question(UPPER, D(7_500), X10E9)
    assert str(question.heading) == "Did you mean an upper limit of 7,500 cells/µL (7.5 ×10⁹/L)?"
    assert str(question.why).startswith("An upper limit of 7,500 ×10⁹/L is not possible")


NO_ANSWERS: dict = {}


@pytest.mark.parametrize(
    ("unit", "answers", "expected"),
    [
        (CELLS, NO_ANSWERS, {Measure.ANC: CELLS, Measure.WBC: CELLS, LOWER: CELLS, UPPER: CELLS}),
        # Answering about the count re-reads the limits in the count's new unit.
        (CELLS, {Measure.ANC: X10E9}, {Measure.ANC: X10E9, Measure.WBC: CELLS, LOWER: X10E9, UPPER: X10E9}),
        (X10E9, {Measure.WBC: CELLS}, {Measure.ANC: X10E9, Measure.WBC: CELLS, LOWER: CELLS, UPPER: CELLS}),
        # A limit's own answer wins.
        (
            CELLS,
            {Measure.ANC: X10E9, LOWER: CELLS},
            {Measure.ANC: X10E9, Measure.WBC: CELLS, LOWER: CELLS, UPPER: X10E9},
        ),
    ],
)
def test_each_number_is_read_in_its_own_answer_else_the_counts_unit(unit, answers, expected):
    assert anc.reading_units(unit, answers) == expected


def test_questions_come_count_first_and_skip_what_was_answered():
    typed = {Measure.ANC: D("1.2"), LOWER: D("1.8"), UPPER: D("7.5")}
    units = anc.reading_units(CELLS, NO_ANSWERS)
    assert [question.measure for question in anc.open_unit_questions(typed, units, ())] == [Measure.ANC, LOWER, UPPER]
    assert [question.measure for question in anc.open_unit_questions(typed, units, {Measure.ANC})] == [LOWER, UPPER]


@pytest.mark.parametrize("unit", list(Unit))
def test_after_the_count_is_answered_each_limit_is_asked_about_in_the_new_unit(unit):
    # "1.2" and "1800" typed in cells/µL: once the count is read as 1.2 ×10⁹/L, 1800 ×10⁹/L is no limit.
    typed = {Measure.ANC: D("1.2"), LOWER: D(1_800)}
    first = anc.open_unit_questions(typed, anc.reading_units(CELLS, NO_ANSWERS), ())
    assert [question.measure for question in first] == [Measure.ANC]
    answers = {Measure.ANC: unit}
    then = anc.open_unit_questions(typed, anc.reading_units(CELLS, answers), answers)
    assert [question.measure for question in then] == ([LOWER] if unit is X10E9 else [])


typed_numbers = st.dictionaries(
    st.sampled_from([Measure.ANC, LOWER, UPPER]),
    st.sampled_from(["0.3", "1.2", "20", "49", "1.8", "7.5", "1800", "7500", "1200", "0.19"]).map(D),
)


@given(typed=typed_numbers, unit=st.sampled_from(Unit), choices=st.lists(st.booleans(), min_size=4, max_size=4))
def test_answering_never_meets_the_same_question_twice_and_always_ends(typed, unit, choices):
    answers: dict = {}
    asked = []
    for keep in choices + [False] * len(Measure):
        questions = anc.open_unit_questions(typed, anc.reading_units(unit, answers), answers)
        if not questions:
            break
        question = questions[0]
        assert question.measure not in asked
        asked.append(question.measure)
        readings = question.plausible_readings
        answers[question.measure] = readings[-1 if keep else 0].unit
    assert not anc.open_unit_questions(typed, anc.reading_units(unit, answers), answers)


ANY_HIGH_RULE = object()  # the adult rule for a high count, which every age from 2 weeks shares


# Section 3: when is a count low?

LOW_ROWS = [
    # (age, lab limit, anc, is low)
    (NEWBORN, None, 0, None),
    (NEWBORN, None, 1_000, None),
    (NEWBORN, None, 20_000, None),
    (INFANT, None, 999, True),
    (INFANT, None, 1_000, False),
    (YOUNG_INFANT, None, 999, True),
    (YOUNG_INFANT, None, 1_000, False),
    (CHILD, None, 1_499, True),
    (CHILD, None, 1_500, False),
    (ADULT, None, 1_700, True),
    (ADULT, None, 1_701, False),
    (ADULT, "1800", 1_799, True),
    (ADULT, "1800", 1_800, False),
    (CHILD, "1800", 1_750, True),
    (INFANT, "1200", 1_100, True),
    (ADULT, "1200", 1_300, False),
    (ADULT, "1200", 1_200, False),
    (NEWBORN, "5000", 4_999, True),
    (NEWBORN, "5000", 5_000, False),
    (ADULT, "1200.5", 1_200, True),
]


@pytest.mark.parametrize(("age", "limit", "count", "low"), LOW_ROWS)
def test_when_a_count_is_low(age, limit, count, low):
    assert anc.is_low(count, age, None if limit is None else D(limit)) is low


# Section 4: grading


def limit(text):
    return None if text is None else D(text)


GRADE_ROWS = [
    # (age, lab lower limit, lab upper limit, anc, category)
    # The reference's own examples.
    (ADULT, None, None, 1_700, Category.BORDERLINE),
    (ADULT, None, None, 1_500, Category.BORDERLINE),
    (ADULT, None, None, 1_701, Category.NORMAL),
    (CHILD, None, None, 1_500, Category.NORMAL),
    (CHILD, None, None, 1_499, Category.MILD),
    (INFANT, None, None, 1_200, Category.NORMAL),
    (INFANT, None, None, 999, Category.MODERATE),
    (ADULT, None, None, 1_000, Category.MILD),
    (ADULT, None, None, 500, Category.MODERATE),
    (ADULT, None, None, 100, Category.SEVERE),
    (ADULT, "1800", None, 1_750, Category.BORDERLINE),
    (ADULT, "1200", None, 1_300, Category.NORMAL),
    (ADULT, "1200", None, 1_100, Category.MILD),
    (ADULT, None, None, 7_700, Category.NORMAL),
    (ADULT, None, None, 7_701, Category.HIGH),
    (ADULT, None, None, 80_000, Category.HIGH),
    # Every band edge.
    (ADULT, None, None, 1_499, Category.MILD),
    (ADULT, None, None, 999, Category.MODERATE),
    (ADULT, None, None, 499, Category.SEVERE),
    (ADULT, None, None, 99, Category.PROFOUND),
    (ADULT, None, None, 0, Category.PROFOUND),
    (INFANT, None, None, 1_000, Category.NORMAL),
    (INFANT, None, None, 500, Category.MODERATE),
    (YOUNG_INFANT, None, None, 999, Category.MODERATE),
    (YOUNG_INFANT, None, None, 1_000, Category.NORMAL),
    (CHILD, None, None, 100, Category.SEVERE),
    (NEWBORN, None, None, 50, Category.NOT_GRADED),
    (NEWBORN, None, None, 30_000, Category.NOT_GRADED),
    # High: above 7,700 at any age from 2 weeks, a newborn stays not graded.
    (CHILD, None, None, 7_700, Category.NORMAL),
    (CHILD, None, None, 7_701, Category.HIGH),
    (YOUNG_INFANT, None, None, 7_701, Category.HIGH),
    (NEWBORN, None, None, 80_000, Category.NOT_GRADED),
    (NEWBORN, None, "15000", 30_000, Category.NOT_GRADED),
    # A laboratory limit wins, at any age.
    (CHILD, "1800", None, 1_600, Category.BORDERLINE),
    (INFANT, "1800", None, 1_100, Category.MILD),
    (ADULT, "400", None, 450, Category.NORMAL),
    (ADULT, "400", None, 300, Category.SEVERE),
    (NEWBORN, "5000", None, 3_000, Category.BORDERLINE),
    (NEWBORN, "1500", None, 8_000, Category.NORMAL),
    (ADULT, "1800", None, 7_701, Category.HIGH),
    # The upper limit, when given, replaces 7,700.
    (ADULT, None, "7500", 7_500, Category.NORMAL),
    (ADULT, None, "7500", 7_501, Category.HIGH),
    (ADULT, None, "7500.5", 7_501, Category.HIGH),
    (ADULT, None, "10000", 9_000, Category.NORMAL),
    (ADULT, None, "10000", 10_001, Category.HIGH),
    (CHILD, "1800", "7500", 7_600, Category.HIGH),
    (NEWBORN, "5000", "15000", 15_000, Category.NORMAL),
    (NEWBORN, "5000", "15000", 15_001, Category.HIGH),
]


@pytest.mark.parametrize(("age", "lower", "upper", "count", "category"), GRADE_ROWS)
def test_grade(age, lower, upper, count, category):
    assert anc.grade(count, age, limit(lower), limit(upper)) is category


@pytest.mark.parametrize(("age", "lower", "upper", "count", "category"), GRADE_ROWS)
def test_interpret_count_grades_as_the_table_says(age, lower, upper, count, category):
    result = anc.interpret_count(
        anc=D(count), age_group=age, lab_lower_limit=limit(lower), lab_upper_limit=limit(upper)
    )
    assert result.category is category


@pytest.mark.parametrize(
    ("category", "label", "ctcae_grade"),
    [
        (Category.NORMAL, "in the usual range", 0),
        (Category.BORDERLINE, "slightly low", 1),
        (Category.MILD, "mild neutropenia", 2),
        (Category.MODERATE, "moderate neutropenia", 3),
        (Category.SEVERE, "severe neutropenia", 4),
        (Category.PROFOUND, "very severe (profound) neutropenia", 4),
        (Category.NOT_GRADED, "not graded for newborn babies", None),
        (Category.HIGH, "higher than the usual range", None),
    ],
)
def test_each_category_has_its_plain_label_and_ctcae_grade(category, label, ctcae_grade):
    assert (category.label, category.ctcae_grade) == (label, ctcae_grade)
    assert category.infection_risk


@pytest.mark.parametrize(
    ("value", "category"),
    [("normal", Category.NORMAL), ("not-graded", Category.NOT_GRADED), ("profound", Category.PROFOUND)],
)
def test_category_values_are_the_data_category_attribute(value, category):
    assert Category(value) is category


def test_risk_is_highest_below_500():
    assert "highest" in Category.SEVERE.infection_risk
    assert "highest" in Category.PROFOUND.infection_risk
    assert "below 500" in Category.SEVERE.infection_risk


@pytest.mark.parametrize(
    ("age", "lower", "upper", "rules"),
    [
        (
            ADULT,
            None,
            None,
            (
                "For adults, this site counts 1,700 cells/µL or fewer as low.",
                "A count above 7,700 cells/µL is higher than the usual range for adults.",
            ),
        ),
        (CHILD, None, None, ("For children aged 1 to 17, a count below 1,500 cells/µL is low.", ANY_HIGH_RULE)),
        (
            INFANT,
            None,
            None,
            ("For babies from 3 months to 1 year, a count below 1,000 cells/µL is low.", ANY_HIGH_RULE),
        ),
        (
            YOUNG_INFANT,
            None,
            None,
            ("For babies from 2 weeks to 3 months, a count below 1,000 cells/µL is low.", ANY_HIGH_RULE),
        ),
        (
            NEWBORN,
            None,
            None,
            ("In the first 2 weeks of life, counts change too much from day to day to say what is low.",),
        ),
        (
            NEWBORN,
            None,
            "21000",
            ("In the first 2 weeks of life, counts change too much from day to day to say what is low.",),
        ),
        (NEWBORN, "5000", None, ("We used the lower limit from your report: a count below 5,000 cells/µL is low.",)),
        (
            CHILD,
            "1800",
            "7500",
            (
                "We used the lower limit from your report: a count below 1,800 cells/µL is low.",
                "We used the upper limit from your report: a count above 7,500 cells/µL is higher than the usual range.",
            ),
        ),
    ],
)
def test_the_result_says_which_rules_decided_low_and_high(age, lower, upper, rules):
    assert tuple(map(str, anc.range_rules(age, limit(lower), limit(upper)))) == tuple(
        str(anc.range_rules(ADULT)[1]) if rule is ANY_HIGH_RULE else rule for rule in rules
    )


@pytest.mark.parametrize(
    ("age", "lower", "names_1500"),
    [(ADULT, None, True), (ADULT, "1800", False), (CHILD, "1800", False), (NEWBORN, "5000", False)],
)
def test_the_1500_wording_comes_only_when_the_adult_rule_decided(age, lower, names_1500):
    result = anc.interpret_count(anc=D(1_600), age_group=age, lab_lower_limit=limit(lower))
    assert result.category is Category.BORDERLINE
    assert ("1,500 and would call it normal" in result.meaning) is names_1500
    assert "1,500" not in " ".join(map(str, result.rules))


def test_a_high_count_says_what_it_means_and_that_the_guide_is_about_low_counts():
    result = anc.interpret_count(anc=D(80_000))
    assert result.category is Category.HIGH
    for words in ("not neutropenia", "infection, inflammation, stress, smoking, pregnancy", "steroids or G-CSF"):
        assert words in result.meaning
    assert "This guide is about low counts, so ask your care team" in result.meaning
    assert Note.LAB_RANGE in result.notes


# Section 5: what every result says


@pytest.mark.parametrize(
    ("age", "count", "notes"),
    [
        (ADULT, 3_000, (Note.LAB_RANGE,)),
        (ADULT, 1_600, (Note.LAB_RANGE, Note.DUFFY_NULL)),
        (ADULT, 1_200, (Note.LAB_RANGE, Note.DUFFY_NULL)),
        (ADULT, 800, (Note.LAB_RANGE,)),
        (ADULT, 50, (Note.LAB_RANGE,)),
        (NEWBORN, 1_200, (Note.LAB_RANGE, Note.NEWBORN)),
        (ADULT, 8_000, (Note.LAB_RANGE,)),
        (CHILD, 8_000, (Note.LAB_RANGE, Note.YOUNG_RANGES)),
        (YOUNG_INFANT, 8_000, (Note.LAB_RANGE, Note.YOUNG_RANGES)),
        (CHILD, 3_000, (Note.LAB_RANGE,)),
    ],
)
def test_notes(age, count, notes):
    assert anc.interpret_count(anc=D(count), age_group=age).notes == notes


def test_duffy_null_note_never_asks_for_race_or_ethnicity():
    assert "Duffy-null" in Note.DUFFY_NULL.text
    assert "?" not in Note.DUFFY_NULL.text


@pytest.mark.parametrize(
    ("age", "count", "slugs"),
    [
        (ADULT, 3_000, ["diagnosis", "blood-test", "fever"]),
        (ADULT, 1_600, ["precautions", "treatment", "diagnosis", "blood-test", "fever"]),
        (ADULT, 50, ["precautions", "treatment", "diagnosis", "blood-test", "fever"]),
        (CHILD, 1_000, ["precautions", "treatment", "diagnosis", "blood-test", "children", "fever"]),
        (NEWBORN, 1_000, ["diagnosis", "blood-test", "children", "fever"]),
        (ADULT, 8_000, ["diagnosis", "blood-test", "fever"]),
        (YOUNG_INFANT, 800, ["precautions", "treatment", "diagnosis", "blood-test", "children", "fever"]),
    ],
)
def test_related_articles(age, count, slugs):
    related = anc.interpret_count(anc=D(count), age_group=age).related
    assert [article.slug for article in related] == slugs


def test_every_source_names_what_it_is_used_for():
    assert len(anc.SOURCES) >= 8
    assert all(source.name and source.used_for for source in anc.SOURCES)


@pytest.mark.parametrize("named", ["StatPearls, “Neutrophilia” (NBK570571)", "NICE guideline NG143"])
def test_the_sources_name_the_revision_2_references(named):
    assert any(source.name.startswith(named) for source in anc.SOURCES)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"anc": D(1_000), "wbc": D(4_000), "segs_pct": D(50)},
        {"wbc": D(4_000)},
        {"segs_pct": D(50)},
        {"anc": D(100_001)},
        {"anc": D(-1)},
        {"anc": D("NaN")},
        {"wbc": D(99), "segs_pct": D(50)},
        {"wbc": D(4_000), "segs_pct": D(90), "bands_pct": D(11)},
        {"wbc": D(4_000), "segs_pct": D(101)},
        {"anc": D(1_000), "lab_lower_limit": D(199)},
        {"anc": D(1_000), "lab_upper_limit": D("2999.9")},
        {"anc": D(1_000), "lab_upper_limit": D("15000.1")},
        {"anc": D(1_000), "lab_lower_limit": D(3_000), "lab_upper_limit": D(3_000)},
        {"anc": D(1_000), "temperature": Temperature(D(50), C)},
    ],
)
def test_interpret_count_refuses_what_the_form_should_have_stopped(kwargs):
    with pytest.raises(ValueError):  # noqa: PT011 - each case has its own message
        anc.interpret_count(**kwargs)


# Section 6: fever


@pytest.mark.parametrize(
    ("value", "unit", "fever"),
    [
        ("38.0", C, True),
        ("38", C, True),
        ("37.99", C, False),
        ("37.5", C, False),
        ("36.0", C, False),
        ("35.99", C, True),
        ("30", C, True),
        ("45", C, True),
        ("100.4", F, True),
        ("100.39", F, False),
        ("96.8", F, False),
        ("96.79", F, True),
        ("98.6", F, False),
    ],
)
def test_fever_signs_from_temperature(value, unit, fever):
    assert anc.has_fever_signs(Temperature(D(value), unit), feels_unwell=False) is fever


@pytest.mark.parametrize("temperature", [None, Temperature(D("37"), C), Temperature(D("98.6"), F)])
def test_feeling_unwell_is_a_sign_whatever_the_temperature(temperature):
    assert anc.has_fever_signs(temperature, feels_unwell=True) is True


def test_no_temperature_and_feeling_well_is_no_sign():
    assert anc.has_fever_signs(None, feels_unwell=False) is False


def test_fahrenheit_thresholds_convert_exactly():
    assert Temperature(D("100.4"), F).celsius == 38
    assert Temperature(D("96.8"), F).celsius == 36


EMERGENCY_ROWS = [
    # (age, anc, temperature, feels unwell, emergency card)
    (ADULT, 300, Temperature(D("38.0"), C), False, True),
    (ADULT, 1_700, Temperature(D("100.4"), F), False, True),
    (ADULT, 1_701, Temperature(D("39"), C), False, False),
    (ADULT, 1_200, Temperature(D("35.9"), C), False, True),
    (ADULT, 1_200, Temperature(D("96.8"), F), False, False),
    (ADULT, 1_200, None, True, True),
    (ADULT, 1_200, None, False, False),
    (ADULT, 50, Temperature(D("37"), C), False, False),
    (CHILD, 1_500, None, True, False),
    (CHILD, 1_499, None, True, True),
    (NEWBORN, 20_000, Temperature(D("38.1"), C), False, True),
    (NEWBORN, 20_000, None, True, True),
    (NEWBORN, 20_000, None, False, False),
    (YOUNG_INFANT, 3_000, Temperature(D("38.0"), C), False, True),
    (YOUNG_INFANT, 3_000, Temperature(D("37.9"), C), False, False),
    (YOUNG_INFANT, 3_000, None, True, True),
    (YOUNG_INFANT, 999, None, False, False),
    (INFANT, 3_000, Temperature(D("38.5"), C), False, False),
    (INFANT, 999, Temperature(D("38.5"), C), False, True),
    (ADULT, 7_701, Temperature(D("39"), C), True, False),
]


@pytest.mark.parametrize(("age", "count", "temperature", "unwell", "emergency"), EMERGENCY_ROWS)
def test_the_emergency_card_needs_signs_of_infection_with_a_low_count_or_a_baby_under_3_months(
    age, count, temperature, unwell, emergency
):
    result = anc.interpret_count(anc=D(count), age_group=age, temperature=temperature, feels_unwell=unwell)
    assert result.emergency is emergency


# Properties

SEVERITY = [
    Category.HIGH,
    Category.NORMAL,
    Category.BORDERLINE,
    Category.MILD,
    Category.MODERATE,
    Category.SEVERE,
    Category.PROFOUND,
]
counts = st.integers(min_value=0, max_value=100_000)
lab_lower_limits = st.none() | st.decimals(min_value=200, max_value=5_000, places=3)
lab_upper_limits = st.none() | st.decimals(min_value=5_001, max_value=15_000, places=3)
graded_ages = st.sampled_from([ADULT, CHILD, INFANT, YOUNG_INFANT])


@given(lower=counts, higher=counts, age=graded_ages, limit=lab_lower_limits, upper=lab_upper_limits)
def test_a_lower_count_never_gets_a_milder_category(lower, higher, age, limit, upper):
    lower, higher = sorted((lower, higher))
    assert SEVERITY.index(anc.grade(lower, age, limit, upper)) >= SEVERITY.index(anc.grade(higher, age, limit, upper))


@given(
    lower=counts,
    higher=counts,
    limit=st.decimals(min_value=200, max_value=5_000, places=3),
    upper=lab_upper_limits,
)
def test_a_newborn_with_a_lab_limit_is_graded_monotonically_too(lower, higher, limit, upper):
    lower, higher = sorted((lower, higher))
    assert SEVERITY.index(anc.grade(lower, NEWBORN, limit, upper)) >= SEVERITY.index(
        anc.grade(higher, NEWBORN, limit, upper)
    )


@given(count=counts, age=st.sampled_from(AgeGroup), limit=lab_lower_limits, upper=lab_upper_limits)
def test_every_count_gets_exactly_one_category(count, age, limit, upper):
    category = anc.grade(count, age, limit, upper)
    assert (category is Category.NOT_GRADED) is (age is NEWBORN and limit is None)


@given(count=counts, age=st.sampled_from(AgeGroup), limit=lab_lower_limits, upper=lab_upper_limits)
def test_the_scale_band_that_holds_a_count_is_its_category(count, age, limit, upper):
    bands = anc.scale(age, limit, upper)
    holding = [band for band in bands if band.holds(count)]
    if age is NEWBORN and limit is None:
        assert bands == ()
    else:
        assert [band.category for band in holding] == [anc.grade(count, age, limit, upper)]


@given(
    wbc=st.decimals(min_value=100, max_value=500_000, places=2),
    segs=st.decimals(min_value=0, max_value=100, places=1),
    bands_share=st.floats(min_value=0, max_value=1),
)
def test_a_computed_count_is_graded_as_the_whole_number_shown(wbc, segs, bands_share):
    bands = ((100 - segs) * Decimal(bands_share)).quantize(Decimal("0.1"), rounding="ROUND_DOWN")
    result = anc.interpret_count(wbc=wbc, segs_pct=segs, bands_pct=bands)
    assert result.category is anc.grade(result.anc, ADULT)
    assert abs(result.anc - anc.compute_anc(wbc, segs, bands)) <= Decimal("0.5")


@given(value=st.decimals(min_value=0, max_value=100_000, places=4))
def test_conversion_round_trips(value):
    assert anc.from_cells_per_ul(anc.to_cells_per_ul(value, X10E9), X10E9) == value


@given(fahrenheit=st.decimals(min_value=86, max_value=113, places=3))
def test_fahrenheit_and_celsius_agree_on_fever(fahrenheit):
    expected = fahrenheit >= D("100.4") or fahrenheit < D("96.8")
    assert anc.has_fever_signs(Temperature(fahrenheit, F), feels_unwell=False) is expected


@given(
    measure=st.sampled_from(Measure),
    typed=st.decimals(min_value=-10, max_value=10**7, places=3),
    unit=st.sampled_from(Unit),
)
def test_a_question_always_offers_a_plausible_other_reading(measure, typed, unit):
    question = anc.unit_question(measure, typed, unit)
    if question is not None:
        assert question.other.plausible
        assert question.other.cells in measure.plausible


# Section 6: care cards and the safety net

P, N, H, M = Category.PROFOUND, Category.NORMAL, Category.HIGH, Category.MILD
EMERGENCY_CARD_ROWS = [
    # (fever signs, age or None when unreadable, what the count could be, card)
    (True, ADULT, (P,), anc.EMERGENCY),
    (True, ADULT, (N,), None),
    (True, ADULT, (H,), None),
    (False, ADULT, (P,), None),
    # Unknown: left empty or unreadable.
    (True, ADULT, (), anc.EMERGENCY),
    (True, None, (), anc.EMERGENCY),
    (False, ADULT, (), None),
    # Ambiguous: a unit question is open, and either reading would be low.
    (True, ADULT, (N, P), anc.EMERGENCY),
    (True, CHILD, (M, N), anc.EMERGENCY),
    (True, ADULT, (N, H), None),
    (False, ADULT, (N, P), None),
    # Babies under 3 months: any count.
    (True, YOUNG_INFANT, (N,), anc.EMERGENCY_BABY),
    (True, YOUNG_INFANT, (H,), anc.EMERGENCY_BABY),
    (True, YOUNG_INFANT, (), anc.EMERGENCY_BABY),
    (True, NEWBORN, (Category.NOT_GRADED,), anc.EMERGENCY_BABY),
    (False, YOUNG_INFANT, (N,), None),
    (True, INFANT, (N,), None),
]


@pytest.mark.parametrize(("fever", "age", "categories", "card"), EMERGENCY_CARD_ROWS)
def test_the_emergency_card_is_never_hidden_by_a_count_we_cannot_read(fever, age, categories, card):
    assert anc.emergency_card(fever_signs=fever, age_group=age, categories=categories) is card


@pytest.mark.parametrize("age", [NEWBORN, YOUNG_INFANT])
def test_a_baby_under_3_months_gets_the_emergency_card_written_for_a_baby(age):
    result = anc.interpret_count(anc=D(9_000), age_group=age, feels_unwell=True)
    assert result.emergency_card is anc.EMERGENCY_BABY


@pytest.mark.parametrize("card", [anc.EMERGENCY, anc.EMERGENCY_BABY, anc.STANDING_FEVER])
def test_care_cards_have_an_action_heading_and_at_most_five_bullets(card):
    assert card.heading
    assert 1 <= len(card.bullets) <= 5


def test_the_emergency_card_says_what_the_reference_asks():
    text = " ".join(anc.EMERGENCY.bullets)
    for words in ("24-hour number", "emergency services", "Do not wait"):
        assert words in text
    assert "you have, or may have, a low neutrophil count (for example during chemotherapy)" in text


def test_the_babys_emergency_card_says_a_fever_is_an_emergency_by_itself():
    text = " ".join(anc.EMERGENCY_BABY.bullets)
    assert "under 3 months" in text
    assert "emergency by itself, whatever the count" in text


def test_the_standing_card_says_what_the_reference_asks():
    text = " ".join(anc.STANDING_FEVER.bullets)
    for words in ("38 °C (100.4 °F)", "hot and shivery", "even at night", "lower temperature", "paracetamol"):
        assert words in text


@pytest.mark.parametrize(
    ("urgency", "spoken"),
    [(anc.Urgency.EMERGENCY, "Immediate action required:"), (anc.Urgency.URGENT, "Urgent advice:")],
)
def test_each_urgency_is_named_for_screen_readers(urgency, spoken):
    assert urgency.spoken == spoken


@pytest.mark.parametrize(("unit", "edges"), [(C, (D(30), D(45))), (F, (D(86), D(113)))])
def test_plausible_temperatures_in_each_unit(unit, edges):
    assert unit.plausible == edges


@pytest.mark.parametrize(
    ("measure", "typed", "unit", "why"),
    [
        (Measure.ANC, "1.2", CELLS, "A neutrophil count of 1.2 cells/µL would be extremely low."),
        (Measure.ANC, "1200", X10E9, "A neutrophil count of 1,200 ×10⁹/L is not possible"),
        (Measure.WBC, "4.5", CELLS, "A white cell count of 4.5 cells/µL is not possible"),
    ],
)
def test_a_question_says_why_it_is_asked(measure, typed, unit, why):
    question = anc.unit_question(measure, D(typed), unit)
    assert question is not None
    assert str(question.why).startswith(why)


# The scale of bands a result is drawn on


@pytest.mark.parametrize(
    ("age", "lower", "upper", "bands"),
    [
        (
            ADULT,
            None,
            None,
            [
                ("profound", "below 100"),
                ("severe", "100 to 499"),
                ("moderate", "500 to 999"),
                ("mild", "1,000 to 1,499"),
                ("borderline", "1,500 to 1,700"),
                ("normal", "1,701 to 7,700"),
                ("high", "above 7,700"),
            ],
        ),
        (
            CHILD,
            None,
            None,
            [
                ("profound", "below 100"),
                ("severe", "100 to 499"),
                ("moderate", "500 to 999"),
                ("mild", "1,000 to 1,499"),
                ("normal", "1,500 to 7,700"),
                ("high", "above 7,700"),
            ],
        ),
        (
            YOUNG_INFANT,
            None,
            None,
            [
                ("profound", "below 100"),
                ("severe", "100 to 499"),
                ("moderate", "500 to 999"),
                ("normal", "1,000 to 7,700"),
                ("high", "above 7,700"),
            ],
        ),
        (
            ADULT,
            "1800",
            "7500",
            [
                ("profound", "below 100"),
                ("severe", "100 to 499"),
                ("moderate", "500 to 999"),
                ("mild", "1,000 to 1,499"),
                ("borderline", "1,500 to 1,799"),
                ("normal", "1,800 to 7,500"),
                ("high", "above 7,500"),
            ],
        ),
        (
            ADULT,
            "400",
            None,
            [("profound", "below 100"), ("severe", "100 to 399"), ("normal", "400 to 7,700"), ("high", "above 7,700")],
        ),
        (NEWBORN, None, None, []),
        (
            NEWBORN,
            "5000",
            None,
            [
                ("profound", "below 100"),
                ("severe", "100 to 499"),
                ("moderate", "500 to 999"),
                ("mild", "1,000 to 1,499"),
                ("borderline", "1,500 to 4,999"),
                ("normal", "above 4,999"),
            ],
        ),
    ],
)
def test_the_scale_shows_the_bands_this_persons_rules_give(age, lower, upper, bands):
    scale = anc.scale(age, limit(lower), limit(upper))
    assert [(band.category.value, str(band.range_text)) for band in scale] == bands


@pytest.mark.parametrize(
    ("count", "band"), [(99, "profound"), (1_700, "borderline"), (7_700, "normal"), (7_701, "high")]
)
def test_a_result_knows_the_band_that_holds_its_count(count, band):
    result = anc.interpret_count(anc=D(count))
    assert result.band is not None
    assert result.band.category.value == band


def test_a_newborn_count_is_not_drawn_on_a_scale():
    result = anc.interpret_count(anc=D(9_000), age_group=NEWBORN)
    assert (result.scale, result.band) == ((), None)
