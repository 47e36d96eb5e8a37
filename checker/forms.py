"""The neutrophil-count form: reads what a person copies from a lab report, checks each number against
the reference's plausible range in the unit it is read in, asks about a number that looks written in the
other unit, and hands the numbers to ``checker.anc``."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from checker import anc
from checker.anc import AgeGroup, Measure, TemperatureUnit, Unit
from checker.fields import ReportNumberField, UnitAnswerField, choice_field, number_style
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
            (Unit.CELLS_PER_UL, _("cells/µL (also written cells/mm³), for example 1,200")),
            (Unit.X10E9_PER_L, _("×10⁹/L (also written ×10³/µL or K/µL), for example 1.2")),
        ],
        label=_("Which unit does your report use?"),
        help_text=_("The unit is printed next to the number, or in a column headed “Units”."),
        missing=_("Choose the unit your report uses"),
    )
    anc = ReportNumberField(
        label=_("Neutrophil count (ANC, absolute neutrophils, NEUT#)"),
        help_text=_("In the white cell part of a full blood count. Use the number, not the percentage."),
        what=_("the neutrophil count"),
        example=_("1.2 or 1,200"),
    )
    wbc = ReportNumberField(
        label=_("White cell count (WBC, white blood cells, leucocytes)"),
        help_text=_("Usually the first line of the white cell part of the report."),
        what=_("the white cell count"),
        example=_("4.5 or 4,500"),
    )
    neutrophils_pct = ReportNumberField(
        label=_("Neutrophils, % (segmented neutrophils, segs, polys)"),
        # xgettext:no-python-format
        help_text=_("The neutrophil line with a % sign."),
        what=_("the % neutrophils"),
        example=_("55"),
        decimal_example="55.5",
        percent=True,
    )
    bands_pct = ReportNumberField(
        label=_("Band neutrophils, % (bands, stabs), if shown"),
        help_text=_("Many reports do not show bands. Leave this empty if yours does not."),
        what=_("the % bands"),
        example=_("2"),
        decimal_example="2.5",
        percent=True,
    )
    age_group = choice_field(
        [(group, _(group.label)) for group in AgeGroup],
        label=_("Whose count is it?"),
        initial=AgeGroup.ADULT,
        missing=_("Choose whose count this is"),
    )
    lab_lower_limit = ReportNumberField(
        label=_("From (the lower limit)"),
        help_text=_("The first number of the range: 1.8 in “1.8 to 7.5”."),
        what=_("the lower limit"),
        example=_("1.8 or 1,800"),
        decimal_example="1.8",
    )
    lab_upper_limit = ReportNumberField(
        label=_("To (the upper limit)"),
        help_text=_("The second number of the range: 7.5 in “1.8 to 7.5”."),
        what=_("the upper limit"),
        example=_("7.5 or 7,500"),
        decimal_example="7.5",
    )
    temperature = ReportNumberField(
        label=_("Your temperature now, if you have taken it"),
        what=_("the temperature"),
        example=_("37.5"),
        decimal_example="37.5",
    )
    temperature_unit = choice_field(
        [(TemperatureUnit.CELSIUS, "°C"), (TemperatureUnit.FAHRENHEIT, "°F")],
        label=_("Temperature unit"),
        initial=TemperatureUnit.CELSIUS,
        required=False,
        missing=_("Choose °C or °F"),
    )
    feels_unwell = forms.BooleanField(label=_("I feel hot and shivery, or generally unwell"), required=False)
    # Sent by the "Did you mean …?" buttons: the unit the person chose for one number. That number is
    # then never asked about again, so answering cannot loop.
    anc_unit = UnitAnswerField()
    wbc_unit = UnitAnswerField()
    lab_lower_limit_unit = UnitAnswerField()
    lab_upper_limit_unit = UnitAnswerField()

    non_field_error_target = "count-form"
    unit_question = None
    units = None  # {Measure: Unit}, the unit each number is read in, once the form's unit is known

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, ReportNumberField):
                field.with_decimal_hint()

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
                gettext(
                    "Enter the neutrophil count or the white cell count with percentages, not both. Clear one of them"
                ),
            )
        elif not self._given("anc") and not differential:
            self.add_error("anc", gettext("Enter the neutrophil count, or the white cell count and % neutrophils"))
        elif differential and not self._given("wbc"):
            self.add_error("wbc", gettext("Enter the white cell count from your report, to go with the percentages"))
        elif differential and not self._given("neutrophils_pct"):
            self.add_error("neutrophils_pct", gettext("Enter the % neutrophils from your report"))

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
            self.add_error(
                str(upper), gettext("The upper limit must be above the lower limit. Check them against your report")
            )

    def _check_in_unit(self, measure, unit):
        plausible = measure.plausible
        if anc.to_cells_per_ul(self.cleaned_data[measure], unit) in plausible:
            return
        style = number_style()
        words = {
            "what": self.fields[measure].what,
            "low": anc.format_number(anc.from_cells_per_ul(plausible.low, unit), style),
            "high": anc.format_number(anc.from_cells_per_ul(plausible.high, unit), style),
            "unit": gettext(unit.symbol),
        }
        if measure.is_count:
            message = gettext("Enter %(what)s from %(low)s to %(high)s %(unit)s")
        else:
            message = gettext("Enter %(what)s from %(low)s to %(high)s %(unit)s, in the same unit as the count")
        self.add_error(str(measure), message % words)

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
            self.add_error(
                "neutrophils_pct", gettext("The percentages add up to more than 100. Check them against your report")
            )

    def _check_temperature(self):
        if self.cleaned_data.get("temperature") is None or "temperature" in self.errors:
            return
        if not self.cleaned_data.get("temperature_unit"):
            if "temperature_unit" not in self.errors:
                self.add_error("temperature_unit", gettext("Choose °C or °F"))
            return
        if not self._temperature().plausible:
            unit = TemperatureUnit(self.cleaned_data["temperature_unit"])
            low, high = (anc.format_number(edge, number_style()) for edge in unit.plausible)
            message = gettext("Enter a temperature from %(low)s to %(high)s %(unit)s. Check the unit too")
            self.add_error("temperature", message % {"low": low, "high": high, "unit": unit.symbol})

    def _readable_temperature(self):
        """The temperature, or None when none was given or it has an error."""
        return None if {"temperature", "temperature_unit"} & set(self.errors) else self._temperature()

    def _temperature(self):
        value = self.cleaned_data.get("temperature")
        if value is None:
            return None
        return anc.Temperature(value, TemperatureUnit(self.cleaned_data["temperature_unit"]))
