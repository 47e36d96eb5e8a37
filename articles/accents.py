"""Matching words whatever their accents and case: "medula" finds "médula", "NEUTROFILOS" finds "neutrófilos".

Pure Python, for the search of databases without a language-aware full-text engine (SQLite).
"""

import re
import unicodedata

# The letters with accents that Latin-script languages write (Latin-1 Supplement, Latin Extended-A and B,
# Latin Extended Additional): enough for Spanish and every language the site may add in that script.
ACCENTED_LETTER_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))


def fold(text: str) -> str:
    """Return `text` without accents and in case-folded form: "Médula" → "medula", "Niños" → "ninos"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def _letters_by_fold() -> dict[str, str]:
    """{plain letter: that letter and every accented letter that folds to it}, such as "e" → "eéèêëÉ…"."""
    variants = {}
    for start, end in ACCENTED_LETTER_RANGES:
        for code in range(start, end + 1):
            letter = chr(code)
            folded = fold(letter)
            if len(folded) == 1 and folded != letter and folded.isalpha():
                variants.setdefault(folded, folded)
                variants[folded] += letter
    return variants


LETTERS_BY_FOLD = _letters_by_fold()


def loose_pattern(word: str) -> str:
    """Return a regular expression (to compile with re.IGNORECASE) that matches `word` in a text written
    with or without its accents, precomposed (NFC) as typed text is: "medula" and "médula" both give one
    that matches "médula", "MEDULA" and "medula"."""
    parts = []
    for char in fold(word):
        letters = LETTERS_BY_FOLD.get(char)
        parts.append(f"[{re.escape(letters)}]" if letters else re.escape(char))
    return "".join(parts)
