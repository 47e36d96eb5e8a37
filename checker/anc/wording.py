"""The words and numbers of the checker's answers, kept in English here and put in the page's language
when they are shown.

A fixed sentence is a plain ``str`` marked with ``_`` (Django's ``makemessages`` finds it). A sentence
with numbers in it is a ``Message``: its English text, with ``%(name)s`` for each value, and the values.
``say`` translates the text first and then puts each value in, written as the page's language writes
numbers (``NumberStyle``), so one catalogue entry serves every count. No Django here: the page hands
``say`` its own translation function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from .numbers import ENGLISH, NumberStyle, format_number, format_typed


def _(message: str) -> str:
    """Mark ``message`` for translation and return it as it is: the page translates it when it shows it."""
    return message


@dataclass(frozen=True)
class Typed:
    """A number written with the decimal places it was typed or measured with (1.0 stays 1.0)."""

    value: Decimal


class Message:
    """A sentence with values: ``text`` is marked with ``_``, or is only a layout of values with no
    words in it (``"%(count)s (%(other)s)"``), which no catalogue holds and every language keeps."""

    def __init__(self, text: str, **values: Value) -> None:
        self.text = text
        self.values = values

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.text, self.values) == (other.text, other.values)

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Message({self.text!r}, {self.values!r})"

    def __str__(self) -> str:
        """The message in English."""
        return say(self)


Value = str | int | Decimal | Typed | Message


def say(value: Value, translate: Callable[[str], str] = str, numbers: NumberStyle = ENGLISH) -> str:
    """Write ``value`` in one language: a marked ``str`` translated, a number in ``numbers``' style (an
    ``int`` or ``Decimal`` without trailing zeros, a ``Typed`` one as typed), a ``Message`` translated
    and then filled in with its values, each written the same way."""
    if isinstance(value, Message):
        return translate(value.text) % {name: say(part, translate, numbers) for name, part in value.values.items()}
    if isinstance(value, Typed):
        return format_typed(value.value, numbers)
    if isinstance(value, int | Decimal):
        return format_number(value, numbers)
    return translate(value)
