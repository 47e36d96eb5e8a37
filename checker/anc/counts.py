"""Counts: the two units, exact conversion and rounding, plausible ranges, the formula for the ANC,
and the "Did you mean …?" question for a number typed in the wrong unit (reference sections 1 and 2).

Every number a person types is read in a unit: its own answer to a unit question when they gave one,
otherwise (for a laboratory limit) the unit they chose for the count, otherwise the unit picked on the
form. A number is asked about at most once, so answering never leads back to the same question."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow
from enum import StrEnum
from fractions import Fraction

# Exact arithmetic for the sizes of number a form lets through. Inexact is trapped too, so a number
# too long to handle exactly raises instead of being rounded quietly.
_TRAPS = [InvalidOperation, DivisionByZero, Overflow]
_EXACT = Context(prec=200, traps=[*_TRAPS, Inexact])
_ROUNDING = Context(prec=200, rounding=ROUND_HALF_UP, traps=_TRAPS)


class Unit(StrEnum):
    """The two ways lab reports write a count."""

    CELLS_PER_UL = "cells_per_ul"
    X10E9_PER_L = "x10e9_per_l"

    @property
    def symbol(self) -> str:
        return "cells/µL" if self is Unit.CELLS_PER_UL else "×10⁹/L"

    @property
    def other(self) -> Unit:
        return Unit.X10E9_PER_L if self is Unit.CELLS_PER_UL else Unit.CELLS_PER_UL


def to_cells_per_ul(value: Decimal, unit: Unit) -> Decimal:
    """Return ``value``, written in ``unit``, in cells/µL (1 ×10⁹/L is 1,000 cells/µL), exactly."""
    return value if unit is Unit.CELLS_PER_UL else value.scaleb(3, _EXACT)


def from_cells_per_ul(cells: Decimal, unit: Unit) -> Decimal:
    """Return a count in cells/µL written in ``unit``, exactly."""
    return cells if unit is Unit.CELLS_PER_UL else cells.scaleb(-3, _EXACT)


def whole_cells(cells: Decimal) -> int:
    """Round a count to the nearest whole cell/µL, halves up: the number that is shown and graded."""
    return int(cells.quantize(Decimal(1), context=_ROUNDING))


def format_number(value: Decimal | int) -> str:
    """Write a number as the site does: commas between thousands, no trailing zeros (1,234.5)."""
    return f"{Decimal(value).normalize(_EXACT):,f}"


def format_typed(value: Decimal) -> str:
    """Write a number as the person typed it, keeping its decimal places (1.0 stays 1.0), with commas
    between thousands."""
    return f"{value:,f}"


def format_count(cells: Decimal | int, unit: Unit) -> str:
    """Write a count in ``unit`` with its symbol: "1,200 cells/µL" or "1.2 ×10⁹/L"."""
    value = from_cells_per_ul(Decimal(cells), unit)
    text = format_number(value)
    if unit is Unit.X10E9_PER_L and "." not in text:
        text += ".0"
    return f"{text} {unit.symbol}"


def format_both_units(cells: Decimal | int, first: Unit = Unit.CELLS_PER_UL) -> str:
    """Write a count in both units, ``first`` first: "1.2 ×10⁹/L (1,200 cells/µL)"."""
    return f"{format_count(cells, first)} ({format_count(cells, first.other)})"


@dataclass(frozen=True)
class PlausibleRange:
    """The values a real report can show, inclusive, in cells/µL (or °C for a temperature)."""

    low: Decimal
    high: Decimal

    def __contains__(self, value: object) -> bool:
        if isinstance(value, Decimal) and not value.is_finite():
            return False
        return isinstance(value, Decimal | Fraction | int) and self.low <= value <= self.high


ANC_RANGE = PlausibleRange(Decimal(0), Decimal(100_000))
WBC_RANGE = PlausibleRange(Decimal(100), Decimal(500_000))
PERCENT_RANGE = PlausibleRange(Decimal(0), Decimal(100))
LAB_LOWER_LIMIT_RANGE = PlausibleRange(Decimal(200), Decimal(5_000))
LAB_UPPER_LIMIT_RANGE = PlausibleRange(Decimal(3_000), Decimal(15_000))

# An ANC this low in cells/µL is more often a ×10⁹/L number with the wrong unit picked.
ANC_SUSPECT_BELOW_CELLS_PER_UL = Decimal(50)


class Measure(StrEnum):
    """A number a person can type in a unit: the ANC itself, the white cell count it is worked out from,
    and the two ends of the laboratory's range. The value is the form field's name."""

    ANC = "anc"
    WBC = "wbc"
    LAB_LOWER_LIMIT = "lab_lower_limit"
    LAB_UPPER_LIMIT = "lab_upper_limit"

    @property
    def plausible(self) -> PlausibleRange:
        return _PLAUSIBLE[self]

    @property
    def noun(self) -> str:
        return _NOUNS[self]

    @property
    def is_count(self) -> bool:
        return self in (Measure.ANC, Measure.WBC)


_PLAUSIBLE = {
    Measure.ANC: ANC_RANGE,
    Measure.WBC: WBC_RANGE,
    Measure.LAB_LOWER_LIMIT: LAB_LOWER_LIMIT_RANGE,
    Measure.LAB_UPPER_LIMIT: LAB_UPPER_LIMIT_RANGE,
}
_NOUNS = {
    Measure.ANC: "neutrophil count",
    Measure.WBC: "white cell count",
    Measure.LAB_LOWER_LIMIT: "lower limit",
    Measure.LAB_UPPER_LIMIT: "upper limit",
}


@dataclass(frozen=True)
class Reading:
    """One way to read a typed number: in ``unit`` it is ``cells`` cells/µL."""

    unit: Unit
    cells: Decimal
    plausible: bool

    @property
    def label(self) -> str:
        return format_both_units(self.cells, first=self.unit)


@dataclass(frozen=True)
class UnitQuestion:
    """A number that looks written in the other unit: ask which reading is meant, never guess."""

    measure: Measure
    typed: Decimal
    as_typed: Reading
    other: Reading

    @property
    def readings(self) -> tuple[Reading, Reading]:
        return (self.as_typed, self.other)

    @property
    def plausible_readings(self) -> tuple[Reading, ...]:
        """The readings offered as buttons: the other unit's always, the typed one when it is possible."""
        return (self.other, self.as_typed) if self.as_typed.plausible else (self.other,)

    @property
    def heading(self) -> str:
        of = "" if self.measure.is_count else f"a {self.measure.noun} of "
        return f"Did you mean {of}{self.other.label}?"

    @property
    def use_label(self) -> str:
        return f"Use {self.other.label}"

    @property
    def keep_label(self) -> str:
        return f"Keep {format_typed(self.typed)} {self.as_typed.unit.symbol}"

    @property
    def why(self) -> str:
        """Why the number was not taken as typed, in plain words."""
        typed = f"{format_typed(self.typed)} {self.as_typed.unit.symbol}"
        if not self.as_typed.plausible:
            return f"A {self.measure.noun} of {typed} is not possible, so we have not worked anything out yet."
        return (
            f"A {self.measure.noun} of {typed} would be extremely low. Many reports write "
            f"{format_typed(self.typed)} to mean {self.other.label}, so we have not worked anything out yet."
        )


def unit_question(measure: Measure, typed: Decimal, unit: Unit) -> UnitQuestion | None:
    """Return the "Did you mean …?" question for a number implausible in the chosen unit, or None.

    A number is implausible when it lies outside the plausible range in its unit, or, for an ANC,
    when it is above 0 and below 50 cells/µL. The question is asked only when the other unit gives
    a plausible reading; otherwise the number is simply out of range.
    """
    as_typed_cells = to_cells_per_ul(typed, unit)
    other_cells = to_cells_per_ul(typed, unit.other)
    suspect = as_typed_cells not in measure.plausible or (
        measure is Measure.ANC and unit is Unit.CELLS_PER_UL and 0 < typed < ANC_SUSPECT_BELOW_CELLS_PER_UL
    )
    if not suspect or other_cells not in measure.plausible:
        return None
    return UnitQuestion(
        measure=measure,
        typed=typed,
        as_typed=Reading(unit, as_typed_cells, as_typed_cells in measure.plausible),
        other=Reading(unit.other, other_cells, True),
    )


def reading_units(unit: Unit, answers: Mapping[Measure, Unit]) -> dict[Measure, Unit]:
    """Return the unit each number is read in: its own answer to a unit question; else, for a laboratory
    limit, the unit chosen for the count (limits are in the count's unit); else ``unit``, the form's."""
    count_unit = answers.get(Measure.ANC) or answers.get(Measure.WBC) or unit
    return {measure: answers.get(measure, count_unit if not measure.is_count else unit) for measure in Measure}


def open_unit_questions(
    typed: Mapping[Measure, Decimal], units: Mapping[Measure, Unit], answered: Collection[Measure]
) -> list[UnitQuestion]:
    """Return the questions still to ask, in the order of ``Measure``: one for each typed number not yet
    answered that is implausible in its unit. An answered number is never asked about again."""
    questions = (unit_question(measure, typed[measure], units[measure]) for measure in Measure if measure in typed)
    return [question for question in questions if question is not None and question.measure not in answered]


def compute_anc(wbc: Decimal, segs_pct: Decimal, bands_pct: Decimal = Decimal(0)) -> Decimal:
    """Return the exact ANC in cells/µL: WBC (cells/µL) × (% segmented + % bands) ÷ 100."""
    return _EXACT.multiply(wbc, _EXACT.add(segs_pct, bands_pct)).scaleb(-2, _EXACT)


def anc_formula(wbc: Decimal, unit: Unit, segs_pct: Decimal, bands_pct: Decimal | None) -> str:
    """Return the ANC formula with the numbers as the person typed them, ``wbc`` in its own ``unit``, then
    the result in that unit and in cells/µL, with the rounding when there is one:
    "9.2 ×10⁹/L × (33 % + 1 %) = 3.128 ×10⁹/L = 3,128 cells/µL"."""
    percentages = f"{format_typed(segs_pct)} %"
    if bands_pct is not None:
        percentages = f"({percentages} + {format_typed(bands_pct)} %)"
    cells = compute_anc(to_cells_per_ul(wbc, unit), segs_pct, bands_pct or Decimal(0))
    steps = [f"{format_typed(wbc)} {unit.symbol} × {percentages}"]
    if unit is Unit.X10E9_PER_L:
        steps.append(f"{format_number(from_cells_per_ul(cells, unit))} {unit.symbol}")
    steps.append(f"{format_number(cells)} cells/µL")
    text = " = ".join(steps)
    rounded = whole_cells(cells)
    if rounded != cells:
        text += f", rounded to {format_number(rounded)} cells/µL"
    return text
