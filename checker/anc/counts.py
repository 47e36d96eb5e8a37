"""Counts: the two units, exact conversion and rounding, plausible ranges, the formula for the ANC,
and the "Did you mean …?" question for a number typed in the wrong unit (reference sections 1 and 2).

Every number a person types is read in a unit: its own answer to a unit question when they gave one,
otherwise (for a laboratory limit) the unit they chose for the count, otherwise the unit picked on the
form. A number is asked about at most once, so answering never leads back to the same question."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from .numbers import EXACT, ROUNDING
from .wording import Message, Typed, Value, _


class Unit(StrEnum):
    """The two ways lab reports write a count."""

    CELLS_PER_UL = "cells_per_ul"
    X10E9_PER_L = "x10e9_per_l"

    @property
    def symbol(self) -> str:
        return _("cells/µL") if self is Unit.CELLS_PER_UL else _("×10⁹/L")

    @property
    def other(self) -> Unit:
        return Unit.X10E9_PER_L if self is Unit.CELLS_PER_UL else Unit.CELLS_PER_UL


def to_cells_per_ul(value: Decimal, unit: Unit) -> Decimal:
    """Return ``value``, written in ``unit``, in cells/µL (1 ×10⁹/L is 1,000 cells/µL), exactly."""
    return value if unit is Unit.CELLS_PER_UL else value.scaleb(3, EXACT)


def from_cells_per_ul(cells: Decimal, unit: Unit) -> Decimal:
    """Return a count in cells/µL written in ``unit``, exactly."""
    return cells if unit is Unit.CELLS_PER_UL else cells.scaleb(-3, EXACT)


def whole_cells(cells: Decimal) -> int:
    """Round a count to the nearest whole cell/µL, halves up: the number that is shown and graded."""
    return int(cells.quantize(Decimal(1), context=ROUNDING))


def in_unit(number: Value, unit: Unit) -> Message:
    """A number followed by the symbol of its unit: "1,200 cells/µL"."""
    return Message("%(number)s %(unit)s", number=number, unit=unit.symbol)


def format_count(cells: Decimal | int, unit: Unit) -> Message:
    """Write a count in ``unit`` with its symbol: "1,200 cells/µL" or "1.2 ×10⁹/L" (a whole number of
    ×10⁹/L keeps one decimal place: "2.0 ×10⁹/L")."""
    value = from_cells_per_ul(Decimal(cells), unit).normalize(EXACT)
    if unit is Unit.X10E9_PER_L and value == value.to_integral_value():
        value = value.quantize(Decimal("0.1"), context=EXACT)
    return in_unit(Typed(value), unit)


def format_both_units(cells: Decimal | int, first: Unit = Unit.CELLS_PER_UL) -> Message:
    """Write a count in both units, ``first`` first: "1.2 ×10⁹/L (1,200 cells/µL)"."""
    return Message("%(count)s (%(other)s)", count=format_count(cells, first), other=format_count(cells, first.other))


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
    def is_count(self) -> bool:
        return self in (Measure.ANC, Measure.WBC)


_PLAUSIBLE = {
    Measure.ANC: ANC_RANGE,
    Measure.WBC: WBC_RANGE,
    Measure.LAB_LOWER_LIMIT: LAB_LOWER_LIMIT_RANGE,
    Measure.LAB_UPPER_LIMIT: LAB_UPPER_LIMIT_RANGE,
}
# The question about each number, and why it is asked when the number as typed is not possible.
_DID_YOU_MEAN = {
    Measure.ANC: _("Did you mean %(reading)s?"),
    Measure.WBC: _("Did you mean %(reading)s?"),
    Measure.LAB_LOWER_LIMIT: _("Did you mean a lower limit of %(reading)s?"),
    Measure.LAB_UPPER_LIMIT: _("Did you mean an upper limit of %(reading)s?"),
}
_NOT_POSSIBLE = {
    Measure.ANC: _("A neutrophil count of %(typed)s is not possible, so we have not worked anything out yet."),
    Measure.WBC: _("A white cell count of %(typed)s is not possible, so we have not worked anything out yet."),
    Measure.LAB_LOWER_LIMIT: _("A lower limit of %(typed)s is not possible, so we have not worked anything out yet."),
    Measure.LAB_UPPER_LIMIT: _("An upper limit of %(typed)s is not possible, so we have not worked anything out yet."),
}
# Only a neutrophil count can be possible as typed and still be asked about (``unit_question``).
_EXTREMELY_LOW = _(
    "A neutrophil count of %(typed)s would be extremely low. Many reports write %(number)s to mean "
    "%(reading)s, so we have not worked anything out yet."
)


@dataclass(frozen=True)
class Reading:
    """One way to read a typed number: in ``unit`` it is ``cells`` cells/µL."""

    unit: Unit
    cells: Decimal
    plausible: bool

    @property
    def label(self) -> Message:
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
    def heading(self) -> Message:
        return Message(_DID_YOU_MEAN[self.measure], reading=self.other.label)

    @property
    def use_label(self) -> Message:
        return Message(_("Use %(reading)s"), reading=self.other.label)

    @property
    def keep_label(self) -> Message:
        return Message(_("Keep %(typed)s"), typed=self._typed_in_unit)

    @property
    def why(self) -> Message:
        """Why the number was not taken as typed, in plain words."""
        if not self.as_typed.plausible:
            return Message(_NOT_POSSIBLE[self.measure], typed=self._typed_in_unit)
        return Message(_EXTREMELY_LOW, typed=self._typed_in_unit, number=Typed(self.typed), reading=self.other.label)

    @property
    def _typed_in_unit(self) -> Message:
        return in_unit(Typed(self.typed), self.as_typed.unit)


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
    return EXACT.multiply(wbc, EXACT.add(segs_pct, bands_pct)).scaleb(-2, EXACT)


def anc_formula(wbc: Decimal, unit: Unit, segs_pct: Decimal, bands_pct: Decimal | None) -> Message:
    """Return the ANC formula with the numbers as the person typed them, ``wbc`` in its own ``unit``, then
    the result in that unit and in cells/µL, with the rounding when there is one:
    "9.2 ×10⁹/L × (33 % + 1 %) = 3.128 ×10⁹/L = 3,128 cells/µL"."""
    percentages = Message("%(segs)s %%", segs=Typed(segs_pct))
    if bands_pct is not None:
        percentages = Message("(%(segs)s %% + %(bands)s %%)", segs=Typed(segs_pct), bands=Typed(bands_pct))
    cells = compute_anc(to_cells_per_ul(wbc, unit), segs_pct, bands_pct or Decimal(0))
    steps = [Message("%(wbc)s × %(percentages)s", wbc=in_unit(Typed(wbc), unit), percentages=percentages)]
    if unit is Unit.X10E9_PER_L:
        steps.append(in_unit(from_cells_per_ul(cells, unit), unit))
    steps.append(in_unit(cells, Unit.CELLS_PER_UL))
    formula = Message(
        " = ".join(f"%(step{n})s" for n in range(len(steps))), **{f"step{n}": step for n, step in enumerate(steps)}
    )
    rounded = whole_cells(cells)
    if rounded != cells:
        return Message(
            _("%(formula)s, rounded to %(count)s"), formula=formula, count=in_unit(rounded, Unit.CELLS_PER_UL)
        )
    return formula
