"""Handout codes: a clinician's choice of articles and sections, written into a short address and read back.

A choice is a list of picks in the order chosen; each pick is an article's id and the keys of the parts
wanted (none: the whole article). A part's key is "0" for the opening before the first section, or three
letters and digits hashed from the section's id, so the code stays short and needs no database row. It
reads back the same for as long as the articles (and their section headings) exist.

    >>> encode([Pick(7, ()), Pick(12, ("0", "k2f"))])
    '7-c.0.k2f'
"""

import hashlib
import re
from typing import NamedTuple

OPENING = "0"
MAX_PICKS = 30
MAX_CODE_LENGTH = 1000
CODE = re.compile(r"[0-9a-z]+(?:\.[0-9a-z]{1,3})*(?:-[0-9a-z]+(?:\.[0-9a-z]{1,3})*)*")
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


class InvalidCode(ValueError):
    """The text is not a handout code."""


class Pick(NamedTuple):
    article_id: int
    parts: tuple[str, ...]  # part keys in page order; empty for the whole article


def section_key(section_id: str) -> str:
    """The short key of the section whose id (anchor) is `section_id`."""
    number = int.from_bytes(hashlib.sha256(section_id.encode()).digest()[:4], "big")
    return _base36(number % 36**3).rjust(3, "0")


def encode(picks: list[Pick]) -> str:
    """The code of `picks`, in their order."""
    return "-".join(".".join([_base36(pick.article_id), *pick.parts]) for pick in picks)


def decode(code: str) -> list[Pick]:
    """The picks `code` names, in order; raise InvalidCode for anything encode() could not have written."""
    if len(code) > MAX_CODE_LENGTH or not CODE.fullmatch(code):
        raise InvalidCode(code)
    picks = []
    for item in code.split("-"):
        article, *parts = item.split(".")
        if article.startswith("0") or len(set(parts)) != len(parts):
            raise InvalidCode(code)
        picks.append(Pick(int(article, 36), tuple(parts)))
    if len(picks) > MAX_PICKS or len({pick.article_id for pick in picks}) != len(picks):
        raise InvalidCode(code)
    return picks


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = DIGITS[digit] + digits
        if not number:
            return digits
