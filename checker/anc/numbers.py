"""Numbers as lab reports print them, in the page's language: read exactly from what a person types, and
written back the same way. English writes 1,200.5; Spanish 1.200,5.

A number that the page's language would not write, such as "1,2" on an English page or "1.2" on a Spanish
one, is refused with its own reason rather than read as the other language would: a decimal mark
mistaken for a thousands separator would make 1.2 into 12 or 1,200 into 1.2 without a word."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow
from enum import StrEnum

# Exact arithmetic for the sizes of number a form lets through. Inexact is trapped too, so a number
# too long to handle exactly raises instead of being rounded quietly.
_TRAPS = [InvalidOperation, DivisionByZero, Overflow]
EXACT = Context(prec=200, traps=[*_TRAPS, Inexact])
ROUNDING = Context(prec=200, rounding=ROUND_HALF_UP, traps=_TRAPS)

MAX_NUMBER_LENGTH = 20
MINUS_SIGNS = ("-", "\N{MINUS SIGN}", "\N{EN DASH}")


@dataclass(frozen=True)
class NumberStyle:
    """How a language writes numbers: its decimal mark and the mark between groups of three digits."""

    decimal: str = "."
    thousands: str = ","

    @property
    def number(self) -> re.Pattern[str]:
        """Digits with an optional decimal part; thousands marks only between groups of three."""
        decimal, thousands = re.escape(self.decimal), re.escape(self.thousands)
        return re.compile(rf"(?:[0-9]{{1,3}}(?:{thousands}[0-9]{{3}})+|[0-9]+)(?:{decimal}[0-9]+)?|{decimal}[0-9]+")

    @property
    def other_decimal(self) -> re.Pattern[str]:
        """A number with the thousands mark where a decimal mark belongs: "1,2" or "1,20" in English."""
        return re.compile(rf"[0-9]+{re.escape(self.thousands)}[0-9]{{1,2}}")


ENGLISH = NumberStyle()


class Unreadable(StrEnum):
    """Why a typed number cannot be read; the value is the form error's code."""

    TOO_LONG = "too_long"
    NEGATIVE = "negative"
    OTHER_DECIMAL = "decimal_mark"
    NOT_A_NUMBER = "invalid"


class UnreadableNumber(ValueError):
    def __init__(self, reason: Unreadable) -> None:
        super().__init__(reason)
        self.reason = reason


def read_number(text: str, style: NumberStyle = ENGLISH) -> Decimal:
    """Return the number ``text`` (already stripped) writes in ``style``, exactly.

    Raises UnreadableNumber for anything else: more than ``MAX_NUMBER_LENGTH`` characters, a minus
    sign, the thousands mark used as a decimal mark, words, NaN, infinity or exponents.
    """
    if len(text) > MAX_NUMBER_LENGTH:
        raise UnreadableNumber(Unreadable.TOO_LONG)
    if text.startswith(MINUS_SIGNS) and style.number.fullmatch(text[1:].strip()):
        raise UnreadableNumber(Unreadable.NEGATIVE)
    if style.other_decimal.fullmatch(text):
        raise UnreadableNumber(Unreadable.OTHER_DECIMAL)
    if not style.number.fullmatch(text):
        raise UnreadableNumber(Unreadable.NOT_A_NUMBER)
    return Decimal(text.replace(style.thousands, "").replace(style.decimal, "."))


def _in_style(english: str, style: NumberStyle) -> str:
    """Python's "1,234.5" written in ``style``."""
    return "".join(style.thousands if char == "," else style.decimal if char == "." else char for char in english)


def format_number(value: Decimal | int, style: NumberStyle = ENGLISH) -> str:
    """Write a number with thousands marks and no trailing zeros: 1,234.5 (1.234,5 in Spanish)."""
    return _in_style(f"{Decimal(value).normalize(EXACT):,f}", style)


def format_typed(value: Decimal, style: NumberStyle = ENGLISH) -> str:
    """Write a number as the person typed it, keeping its decimal places (1.0 stays 1.0), with thousands
    marks."""
    return _in_style(f"{value:,f}", style)
