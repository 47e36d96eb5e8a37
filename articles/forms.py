"""The neutrophil-count form: reads what a person copies from a lab report, checks it against the
reference's plausible ranges in the unit they chose, and hands the numbers to ``articles.anc``."""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS

from articles import anc
from articles.anc import AgeGroup, Measure, TemperatureUnit, Unit

MAX_NUMBER_LENGTH = 20

# Digits with an optional decimal point; commas only between groups of three, as in "1,200".
NUMBER = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+")
DECIMAL_COMMA = re.compile(r"[0-9]+,[0-9]{1,2}")
MINUS_SIGNS = ("-", "\N{MINUS SIGN}", "\N{EN DASH}")
# Text, not type="number": the browser then sends whatever was typed, and the person gets our message.
NUMBER_INPUT_ATTRS = {"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false", "class": "input-number"}


class ReportNumberField(forms.Field):
    """A number as a lab report prints it (1200, 1,200, 1.2, .5), cleaned to a ``Decimal``.

    Anything else gets a message that says what to type: words, NaN, infinity, exponents, a decimal
    comma, a minus sign, or more than ``MAX_NUMBER_LENGTH`` characters. With ``percent`` a trailing
    "%" is allowed and the value must be 0 to 100.
    """

    def __init__(self, *, what, example, percent=False, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs=NUMBER_INPUT_ATTRS))
        super().__init__(**kwargs)
        self.what = what
        self.example = example
        self.percent = percent

    def to_python(self, value):
        text = "" if value is None else str(value).strip()
        if self.percent:
            text = text.removesuffix("%").rstrip()
        if not text:
            return None
        if len(text) > MAX_NUMBER_LENGTH:
            raise forms.ValidationError(
                f"{self.what.capitalize()} is too long. Enter just the number from your report", code="too_long"
            )
        if text.startswith(MINUS_SIGNS) and NUMBER.fullmatch(text[1:].strip()):
            raise forms.ValidationError(f"{self.what.capitalize()} cannot be below 0", code="negative")
        if DECIMAL_COMMA.fullmatch(text):
            raise forms.ValidationError(
                f"Use a point for decimals in {self.what}, like {self.example}", code="decimal_comma"
            )
        if not NUMBER.fullmatch(text):
            raise forms.ValidationError(f"Enter {self.what} as a number, like {self.example}", code="invalid")
        number = Decimal(text.replace(",", ""))
        if self.percent and number not in anc.PERCENT_RANGE:
            raise forms.ValidationError(f"Enter {self.what} from 0 to 100", code="out_of_range")
        return number


def choice_field(choices, *, label, missing, initial=None, help_text="", required=True):
    """A set of radio buttons whose messages say what to choose, for a missing or unknown value."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        initial=initial,
        help_text=help_text,
        required=required,
        widget=forms.RadioSelect,
        error_messages={"required": missing, "invalid_choice": missing},
    )


class CountForm(forms.Form):
    """The numbers from a blood test report. Valid means every field is usable and exactly one way of
    giving the count was used; ``unit_question`` then says whether to ask which unit was meant before
    ``interpret()`` may be called."""

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
        label="Your laboratory's lower limit for neutrophils, if shown",
        help_text="The first number of the normal range printed beside the count: 1.8 in “1.8 to 7.5”. "
        "Use the same unit as the count.",
        what="the lower limit",
        example="1.8 or 1,800",
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
    # Sent by the "Did you mean …?" buttons: the person has chosen a reading, so do not ask again.
    unit_checked = forms.BooleanField(required=False, widget=forms.HiddenInput)

    unit_question = None

    def clean(self):
        cleaned = super().clean()
        self._require_one_way_of_giving_the_count()
        unit = Unit(cleaned["unit"]) if cleaned.get("unit") else None
        if unit is not None:
            self._check_count(Measure.ANC, "anc", unit)
            self._check_count(Measure.WBC, "wbc", unit)
            self._check_in_unit("lab_lower_limit", anc.LAB_LIMIT_RANGE, unit, ", in the same unit as the count")
        self._check_percentages_together()
        self._check_temperature()
        return cleaned

    def interpret(self):
        """Return the ``anc.Interpretation`` of a valid form (call only when there is no unit question)."""
        data = self.cleaned_data
        unit = Unit(data["unit"])

        def cells(name):
            return None if data.get(name) is None else anc.to_cells_per_ul(data[name], unit)

        return anc.interpret_count(
            anc=cells("anc"),
            wbc=cells("wbc"),
            segs_pct=data.get("neutrophils_pct"),
            bands_pct=data.get("bands_pct"),
            age_group=AgeGroup(data["age_group"]),
            lab_lower_limit=cells("lab_lower_limit"),
            temperature=self._temperature(),
            feels_unwell=data.get("feels_unwell", False),
        )

    def resubmission(self):
        """The typed values as (name, value) pairs, for the "Did you mean …?" buttons to post again
        with the unit the person picks. Leaves out the unit; marks the unit as checked."""
        pairs = []
        for name in self.fields:
            value = self[name].value()
            if name in ("unit", "unit_checked") or value in (None, "", False):
                continue
            pairs.append((self.add_prefix(name), "on" if value is True else value))
        return [*pairs, (self.add_prefix("unit_checked"), "on")]

    def error_links(self):
        """Each error with the id of the input it belongs to, for the error summary."""
        links = []
        for name, errors in self.errors.items():
            if name == NON_FIELD_ERRORS:
                target = "count-form"
            else:
                field = self[name]
                target = f"{field.auto_id}_0" if isinstance(field.field.widget, forms.RadioSelect) else field.auto_id
            links.extend((target, error) for error in errors)
        return links

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

    def _check_count(self, measure, name, unit):
        typed = self.cleaned_data.get(name)
        if typed is None or name in self.errors:
            return
        if not self.cleaned_data.get("unit_checked"):
            self.unit_question = anc.unit_question(measure, typed, unit)
            if self.unit_question is not None:
                return
        self._check_in_unit(name, measure.plausible, unit)

    def _check_in_unit(self, name, plausible, unit, hint=""):
        typed = self.cleaned_data.get(name)
        if typed is None or name in self.errors or anc.to_cells_per_ul(typed, unit) in plausible:
            return
        low, high = (anc.format_number(anc.from_cells_per_ul(edge, unit)) for edge in (plausible.low, plausible.high))
        self.add_error(name, f"Enter {self.fields[name].what} from {low} to {high} {unit.symbol}{hint}")

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

    def _temperature(self):
        value = self.cleaned_data.get("temperature")
        if value is None:
            return None
        return anc.Temperature(value, TemperatureUnit(self.cleaned_data["temperature_unit"]))
