"""Reading and writing numbers in each language's style, and sentences that carry numbers (pure, no Django)."""

from decimal import Decimal

import pytest

from checker import anc
from checker.anc import Message, NumberStyle, Typed, Unit, Unreadable, UnreadableNumber, read_number

ENGLISH = anc.ENGLISH
SPANISH = NumberStyle(decimal=",", thousands=".")

READ = [
    # (style, typed, value)
    (ENGLISH, "1200", "1200"),
    (ENGLISH, "1,200", "1200"),
    (ENGLISH, "1.2", "1.2"),
    (ENGLISH, "1.200", "1.200"),  # a point is always the decimal mark in English: 1.2, kept as typed
    (ENGLISH, "12,345.5", "12345.5"),
    (ENGLISH, ".5", "0.5"),
    (SPANISH, "1200", "1200"),
    (SPANISH, "1.200", "1200"),
    (SPANISH, "1,2", "1.2"),
    (SPANISH, "1,200", "1.200"),  # a comma is always the decimal mark in Spanish: 1,2, kept as typed
    (SPANISH, "12.345,5", "12345.5"),
    (SPANISH, ",5", "0.5"),
    (SPANISH, "0", "0"),
]


@pytest.mark.parametrize(("style", "typed", "value"), READ)
def test_each_language_reads_its_own_numbers_exactly(style, typed, value):
    assert read_number(typed, style) == Decimal(value)
    assert str(read_number(typed, style)) == value


REFUSED = [
    # (style, typed, why): a number the language would not write is never read the other language's way.
    (ENGLISH, "1,2", Unreadable.OTHER_DECIMAL),
    (ENGLISH, "1,20", Unreadable.OTHER_DECIMAL),
    (ENGLISH, "38,5", Unreadable.OTHER_DECIMAL),
    (SPANISH, "1.2", Unreadable.OTHER_DECIMAL),
    (SPANISH, "1.20", Unreadable.OTHER_DECIMAL),
    (SPANISH, "38.5", Unreadable.OTHER_DECIMAL),
    (ENGLISH, "1,2345", Unreadable.NOT_A_NUMBER),
    (SPANISH, "1.2345", Unreadable.NOT_A_NUMBER),
    (ENGLISH, "1.200,5", Unreadable.NOT_A_NUMBER),
    (SPANISH, "1,200.5", Unreadable.NOT_A_NUMBER),
    (ENGLISH, "12,00,000", Unreadable.NOT_A_NUMBER),
    (SPANISH, "12.00.000", Unreadable.NOT_A_NUMBER),
    (SPANISH, ".5", Unreadable.NOT_A_NUMBER),
    (SPANISH, "1 200", Unreadable.NOT_A_NUMBER),
    (SPANISH, "NaN", Unreadable.NOT_A_NUMBER),
    (SPANISH, "1e5", Unreadable.NOT_A_NUMBER),
    (SPANISH, "١٢٠٠", Unreadable.NOT_A_NUMBER),
    (SPANISH, "-1,2", Unreadable.NEGATIVE),
    (ENGLISH, "\N{MINUS SIGN}1.2", Unreadable.NEGATIVE),
    (SPANISH, "9" * 21, Unreadable.TOO_LONG),
]


@pytest.mark.parametrize(("style", "typed", "why"), REFUSED)
def test_a_number_that_could_be_misread_is_refused_with_its_reason(style, typed, why):
    with pytest.raises(UnreadableNumber) as refused:
        read_number(typed, style)
    assert refused.value.reason is why


@pytest.mark.parametrize(
    ("value", "english", "spanish"),
    [
        ("1200", "1,200", "1.200"),
        ("1.2", "1.2", "1,2"),
        ("1234567.125", "1,234,567.125", "1.234.567,125"),
        ("0", "0", "0"),
    ],
)
def test_numbers_are_written_in_each_languages_style(value, english, spanish):
    assert anc.format_number(Decimal(value), ENGLISH) == english
    assert anc.format_number(Decimal(value), SPANISH) == spanish


def test_a_typed_number_keeps_its_decimal_places_in_each_style():
    assert anc.format_typed(Decimal("1.0"), SPANISH) == "1,0"
    assert anc.format_typed(Decimal("1200.50"), SPANISH) == "1.200,50"
    assert anc.format_number(Decimal("1.0"), SPANISH) == "1"


@pytest.mark.parametrize("typed", ["1,2", "1.200", "12.345,5", "0,05", "100.000"])
def test_what_spanish_writes_reads_back_the_same(typed):
    assert anc.format_typed(read_number(typed, SPANISH), SPANISH) == typed


def test_a_message_is_translated_before_its_numbers_are_put_in():
    catalogue = {"Keep %(typed)s": "Dejar %(typed)s", "cells/µL": "células/µL"}
    question = anc.unit_question(anc.Measure.ANC, Decimal("1.2"), Unit.CELLS_PER_UL)
    assert anc.say(question.keep_label, lambda text: catalogue.get(text, text), SPANISH) == "Dejar 1,2 células/µL"
    assert str(question.keep_label) == "Keep 1.2 cells/µL"


def test_a_message_writes_each_kind_of_value():
    message = Message("%(a)s|%(b)s|%(c)s|%(d)s", a=1200, b=Decimal("2.50"), c=Typed(Decimal("2.50")), d="word")
    assert anc.say(message, numbers=SPANISH) == "1.200|2,5|2,50|word"


def test_a_formula_is_written_in_the_pages_style():
    formula = anc.anc_formula(Decimal("1.2345"), Unit.X10E9_PER_L, Decimal("33.3"), None)
    assert anc.say(formula, numbers=SPANISH) == (
        "1,2345 ×10⁹/L × 33,3 % = 0,4110885 ×10⁹/L = 411,0885 cells/µL, rounded to 411 cells/µL"
    )
