"""The count checker's own kinds of form field: a number as a lab report prints it, the answer to a unit
question, and a set of radio buttons whose messages say what to choose."""

import re
from decimal import Decimal

from django import forms

from checker import anc
from checker.anc import Unit

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


class UnitAnswerField(forms.CharField):
    """A person's answer to a unit question about one number, sent by the question's buttons: the unit
    that number is in, or None. Anything else is treated as no answer (the question is asked)."""

    def __init__(self, **kwargs):
        super().__init__(required=False, widget=forms.HiddenInput, **kwargs)

    def to_python(self, value):
        return Unit(value) if value in tuple(Unit) else None


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
