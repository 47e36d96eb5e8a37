"""The count checker's own kinds of form field: a number as a lab report prints it, in the page's
language, the answer to a unit question, and a set of radio buttons whose messages say what to choose."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext, pgettext

from checker import anc
from checker.anc import Unit, Unreadable

# Text, not type="number": the browser then sends whatever was typed, and the person gets our message.
NUMBER_INPUT_ATTRS = {"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false", "class": "input-number"}


def number_style():
    """How the page's language writes numbers, as its catalogue says: 1,200.5 in English, 1.200,5 in
    Spanish. A language without a catalogue is shown in English, and so are its numbers."""
    return anc.NumberStyle(decimal=pgettext("decimal mark", "."), thousands=pgettext("thousands mark", ","))


def sentence_start(words):
    """``words`` with a capital first letter (and the rest as it is: "RAN" stays "RAN")."""
    return words[:1].upper() + words[1:]


class ReportNumberField(forms.Field):
    """A number as a lab report prints it in the page's language (1200, 1,200, 1.2, .5 in English;
    1200, 1.200, 1,2, ,5 in Spanish), cleaned to a ``Decimal``.

    Anything else gets a message that says what to type: words, NaN, infinity, exponents, the other
    language's decimal mark, a minus sign, or more than ``anc.numbers.MAX_NUMBER_LENGTH`` characters.
    With ``percent`` a trailing "%" is allowed and the value must be 0 to 100. ``what`` and ``example``
    (lazy translations) name the number in messages; ``decimal_example`` is a number with decimals
    for the hint that says how to write them.
    """

    def __init__(self, *, what, example, decimal_example="1.2", percent=False, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs=NUMBER_INPUT_ATTRS))
        super().__init__(**kwargs)
        self.what = what
        self.example = example
        self.decimal_example = Decimal(decimal_example)
        self.percent = percent

    def with_decimal_hint(self):
        """Add to the help text how to write decimals, in a language that writes them with a comma:
        an English reader expects the point, a Spanish one needs to know the comma is taken."""
        style = number_style()
        if style.decimal != ",":
            return
        hint = gettext("Use a comma for decimals: %(example)s.") % {
            "example": anc.format_typed(self.decimal_example, style)
        }
        self.help_text = f"{self.help_text} {hint}" if self.help_text else hint

    def to_python(self, value):
        text = "" if value is None else str(value).strip()
        if self.percent:
            text = text.removesuffix("%").rstrip()
        if not text:
            return None
        try:
            number = anc.read_number(text, number_style())
        except anc.UnreadableNumber as unreadable:
            raise forms.ValidationError(self._message(unreadable.reason), code=unreadable.reason) from None
        if self.percent and number not in anc.PERCENT_RANGE:
            raise forms.ValidationError(
                gettext("Enter %(what)s from 0 to 100") % {"what": self.what}, code="out_of_range"
            )
        return number

    def _message(self, reason):
        words = {"what": self.what, "What": sentence_start(str(self.what)), "example": self.example}
        if reason is Unreadable.TOO_LONG:
            return gettext("%(What)s is too long. Enter just the number from your report") % words
        if reason is Unreadable.NEGATIVE:
            return gettext("%(What)s cannot be below 0") % words
        if reason is Unreadable.OTHER_DECIMAL:
            if number_style().decimal == ",":
                return gettext("Use a comma for decimals in %(what)s, like %(example)s") % words
            return gettext("Use a point for decimals in %(what)s, like %(example)s") % words
        return gettext("Enter %(what)s as a number, like %(example)s") % words


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
