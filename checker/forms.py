"""The neutrophil-count form: reads what a person copies from a lab report, checks each number against
the reference's plausible range in the unit it is read in, asks about a number that looks written in the
other unit, and hands the numbers to ``checker.anc``."""

from django import forms

from checker import anc
from checker.anc import AgeGroup, Measure, TemperatureUnit, Unit
from checker.fields import ReportNumberField, UnitAnswerField, choice_field
from neutro_site.error_summary import ErrorSummaryMixin

# The fields a count is read from: an error in any of them leaves the count unknown.
COUNT_FIELDS = frozenset(
    {"unit", "anc", "wbc", "neutrophils_pct", "bands_pct", "age_group", *(str(measure) for measure in Measure)}
)


def answer_field(measure):
    """The name of the hidden field that holds the answer to the unit question about ``measure``."""
    return f"{measure}_unit"


class CountForm(ErrorSummaryMixin, forms.Form):
    """The numbers from a blood test report. Valid means every field is usable and exactly one way of
    giving the count was used; ``unit_question`` then says whether to ask which unit a number is in
    before ``interpret()`` may be called. ``emergency_card()`` works on any bound form, valid or not."""

    unit = choice_field(
        [
            (Unit.CELLS_PER_UL, "cells/µL (also written cells/mm³), for example 1,200"),
            (Unit.X10E9_PER_L, "×10⁹/L (also written ×10³/µL or K/µL), for example 1.2"),
        ],
        label="Which unit does your report use?",
        help_text="The unit is printed next to the number, or in a column headed “Units”.",
        missing="Choose the unit your report uses",
    )
    anc = ReportNumberField(
        label="Neutrophil count (ANC, absolute neutrophils, NEUT#)",
        help_text="In the white cell part of a full blood count. Use the number, not the percentage.",
        what="the neutrophil count",
        example="1.2 or 1,200",
    )
    wbc = ReportNumberField(
        label="White cell count (WBC, white blood cells, leucocytes)",
        help_text="Usually the first line of the white cell part of the report.",
        what="the white cell count",
        example="4.5 or 4,500",
    )
    neutrophils_pct = ReportNumberField(
        label="Neutrophils, % (segmented neutrophils, segs, polys)",
        help_text="The neutrophil line with a % sign.",
        what="the % neutrophils",
        example="55",
        percent=True,
    )
    bands_pct = ReportNumberField(
        label="Band neutrophils, % (bands, stabs), if shown",
        help_text="Many reports do not show bands. Leave this empty if yours does not.",
        what="the % bands",
        example="2",
        percent=True,
    )
    age_group = choice_field(
        [(group, group.label) for group in AgeGroup],
        label="Whose count is it?",
        initial=AgeGroup.ADULT,
        missing="Choose whose count this is",
    )
    lab_lower_limit = ReportNumberField(
        label="From (the lower limit)",
        help_text="The first number of the range: 1.8 in “1.8 to 7.5”.",
        what="the lower limit",
        example="1.8 or 1,800",
    )
    lab_upper_limit = ReportNumberField(
        label="To (the upper limit)",
        help_text="The second number of the range: 7.5 in “1.8 to 7.5”.",
        what="the upper limit",
        example="7.5 or 7,500",
    )
    temperature = ReportNumberField(
        label="Your temperature now, if you have taken it",
        what="the temperature",
        example="37.5",
    )
    temperature_unit = choice_field(
        [(TemperatureUnit.CELSIUS, "°C"), (TemperatureUnit.FAHRENHEIT, "°F")],
        label="Temperature unit",
        initial=TemperatureUnit.CELSIUS,
        required=False,
        missing="Choose °C or °F",
    )
    feels_unwell = forms.BooleanField(label="I feel hot and shivery, or generally unwell", required=False)
    # Sent by the "Did you mean …?" buttons: the unit the person chose for one number. That number is
    # then never asked about again, so answering cannot loop.
    anc_unit = UnitAnswerField()
    wbc_unit = UnitAnswerField()
    lab_lower_limit_unit = UnitAnswerField()
    lab_upper_limit_unit = UnitAnswerField()

    non_field_error_target = "count-form"
    unit_question = None
    units = None  # {Measure: Unit}, the unit each number is read in, once the form's unit is known

    def clean(self):
        cleaned = super().clean()
        self._require_one_way_of_giving_the_count()
        if cleaned.get("unit"):
            self._read_numbers(Unit(cleaned["unit"]))
        self._check_percentages_together()
        self._check_temperature()
        return cleaned

    def interpret(self, reading=None):
        """Return the ``anc.Interpretation`` of a valid form with no unit question open; or, with
        ``reading`` (an ``anc.Reading`` of the open question), as that number would be read in that unit."""
        data = self.cleaned_data
        units = dict(self.units)
        if reading is not None:
            units[self.unit_question.measure] = reading.unit

        def cells(measure):
            value = data.get(str(measure))
            return None if value is None else anc.to_cells_per_ul(value, units[measure])

        return anc.interpret_count(
            anc=cells(Measure.ANC),
            wbc=cells(Measure.WBC),
            wbc_unit=units[Measure.WBC],
            segs_pct=data.get("neutrophils_pct"),
            bands_pct=data.get("bands_pct"),
            age_group=AgeGroup(data["age_group"]),
            lab_lower_limit=cells(Measure.LAB_LOWER_LIMIT),
            lab_upper_limit=cells(Measure.LAB_UPPER_LIMIT),
            temperature=self._readable_temperature(),
            feels_unwell=data.get("feels_unwell", False),
        )

    def emergency_card(self):
        """Return the emergency card this answer opens with, or None, for any bound form: a result, a
        unit question or a page of errors (the safety net of reference section 6).

        The count is what it could be: its category when it can be read, each reading's while a unit
        question is open, and unknown when it is missing or any field it is read from has an error.
        A temperature that cannot be read is no fever sign; the "unwell" tick still is.
        """
        data = self.cleaned_data
        age_group = None if "age_group" in self.errors else AgeGroup(data["age_group"])
        return anc.emergency_card(
            fever_signs=anc.has_fever_signs(self._readable_temperature(), data.get("feels_unwell", False)),
            age_group=age_group,
            categories=self._possible_categories(),
        )

    def resubmission(self):
        """The typed values as (name, value) pairs, for the "Did you mean …?" buttons to post again with
        the answer to the question they add."""
        pairs = []
        for name in self.fields:
            value = self[name].value()
            if value in (None, "", False):
                continue
            pairs.append((self.add_prefix(name), "on" if value is True else value))
        return pairs

    def answer_name(self):
        """The name the open question's buttons post their unit under."""
        return self.add_prefix(answer_field(self.unit_question.measure))

    def _given(self, name):
        """Whether the person typed something in a field, usable or not."""
        return name in self.errors or self.cleaned_data.get(name) is not None

    def _require_one_way_of_giving_the_count(self):
        differential = [name for name in ("wbc", "neutrophils_pct", "bands_pct") if self._given(name)]
        if "anc" in self.errors:
            return
        if self._given("anc") and differential:
            self.add_error(
                "anc",
                "Enter the neutrophil count or the white cell count with percentages, not both. Clear one of them",
            )
        elif not self._given("anc") and not differential:
            self.add_error("anc", "Enter the neutrophil count, or the white cell count and % neutrophils")
        elif differential and not self._given("wbc"):
            self.add_error("wbc", "Enter the white cell count from your report, to go with the percentages")
        elif differential and not self._given("neutrophils_pct"):
            self.add_error("neutrophils_pct", "Enter the % neutrophils from your report")

    def _read_numbers(self, unit):
        """Read every typed number in its unit: a number that looks written in the other unit and has not
        been answered about waits for its question (the first is ``unit_question``); any other number out
        of its range gets an error."""
        answers = {measure: self.cleaned_data[answer_field(measure)] for measure in Measure}
        answered = {
            measure: unit
            for measure, unit in answers.items()
            if unit is not None and self.cleaned_data.get(measure) is not None
        }
        self.units = anc.reading_units(unit, answered)
        typed = {
            measure: self.cleaned_data[measure]
            for measure in Measure
            if self.cleaned_data.get(measure) is not None and measure not in self.errors
        }
        questions = anc.open_unit_questions(typed, self.units, answered)
        waiting = {question.measure for question in questions}
        self.unit_question = questions[0] if questions else None
        for measure in typed.keys() - waiting:
            self._check_in_unit(measure, self.units[measure])
        self._check_range_order({measure: typed[measure] for measure in typed.keys() - waiting})

    def _check_range_order(self, settled):
        """The upper limit must be above the lower one, when both are read and in range."""
        lower, upper = Measure.LAB_LOWER_LIMIT, Measure.LAB_UPPER_LIMIT
        if not {lower, upper} <= settled.keys() or {lower, upper} & set(self.errors):
            return
        if anc.to_cells_per_ul(settled[upper], self.units[upper]) <= anc.to_cells_per_ul(
            settled[lower], self.units[lower]
        ):
            self.add_error(str(upper), "The upper limit must be above the lower limit. Check them against your report")

    def _check_in_unit(self, measure, unit):
        plausible = measure.plausible
        if anc.to_cells_per_ul(self.cleaned_data[measure], unit) in plausible:
            return
        low, high = (anc.format_number(anc.from_cells_per_ul(edge, unit)) for edge in (plausible.low, plausible.high))
        hint = "" if measure.is_count else ", in the same unit as the count"
        self.add_error(str(measure), f"Enter {self.fields[measure].what} from {low} to {high} {unit.symbol}{hint}")

    def _possible_categories(self):
        """What the count could be (see ``emergency_card``): () when it is unknown."""
        if self.units is None or COUNT_FIELDS & set(self.errors):
            return ()
        readings = self.unit_question.plausible_readings if self.unit_question else (None,)
        try:
            return tuple(self.interpret(reading).category for reading in readings)
        except ValueError:  # another number still waits for its own question: the count is not known yet
            return ()

    def _check_percentages_together(self):
        segs, bands = self.cleaned_data.get("neutrophils_pct"), self.cleaned_data.get("bands_pct")
        if segs is not None and bands is not None and segs + bands > 100:
            self.add_error("neutrophils_pct", "The percentages add up to more than 100. Check them against your report")

    def _check_temperature(self):
        if self.cleaned_data.get("temperature") is None or "temperature" in self.errors:
            return
        if not self.cleaned_data.get("temperature_unit"):
            if "temperature_unit" not in self.errors:
                self.add_error("temperature_unit", "Choose °C or °F")
            return
        if not self._temperature().plausible:
            unit = TemperatureUnit(self.cleaned_data["temperature_unit"])
            low, high = (anc.format_number(edge) for edge in unit.plausible)
            self.add_error("temperature", f"Enter a temperature from {low} to {high} {unit.symbol}. Check the unit too")

    def _readable_temperature(self):
        """The temperature, or None when none was given or it has an error."""
        return None if {"temperature", "temperature_unit"} & set(self.errors) else self._temperature()

    def _temperature(self):
        value = self.cleaned_data.get("temperature")
        if value is None:
            return None
        return anc.Temperature(value, TemperatureUnit(self.cleaned_data["temperature_unit"]))
