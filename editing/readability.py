"""How hard a text is to read: the Flesch-Kincaid grade, the matching reading age, and long sentences.

Pure Python without Django, so editors' plain-language help is tested in microseconds. Syllables are
counted with pyphen's bundled English hyphenation dictionary: nothing is downloaded at run time.

The grade is the US school grade (Flesch-Kincaid); a UK reading age is the grade plus five years. The
content guide asks for sentences of 20 words or fewer, so longer ones are listed for the editor.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pyphen

LONG_SENTENCE_WORDS = 20

# A sentence ends at . ! or ? followed by a space, or at the end of a line (headings, list items and
# table cells are lines of their own in an article's plain text).
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*|\d+(?:[.,]\d+)*")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Readability:
    """What an editor needs to know about a text's reading level.

    `grade` and `reading_age` are None when the text has no words. `long_sentences` holds the sentences
    over LONG_SENTENCE_WORDS words, in text order.
    """

    words: int
    sentences: int
    syllables: int
    grade: float | None
    reading_age: int | None
    long_sentences: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")


def sentences(text: str) -> list[str]:
    """Split plain text into sentences: at . ! ? followed by a space, and at every line end."""
    found = []
    for line in text.splitlines():
        found.extend(part.strip() for part in SENTENCE_END.split(line) if WORD.search(part))
    return found


def words(sentence: str) -> list[str]:
    """The words of a sentence; a number counts as one word."""
    return WORD.findall(sentence)


def syllables(word: str) -> int:
    """Estimate the syllables of one word (at least one): the more of its hyphenation pieces and its vowel
    groups (less a silent final e), since hyphenation leaves some syllables unsplit ("open", "doctor")."""
    if word[0].isdigit():
        return 1
    lower = word.lower()
    hyphenated = len(_dictionary().positions(lower)) + 1
    vowel_groups = len(VOWEL_GROUPS.findall(lower))
    if lower.endswith("e") and not lower.endswith(("le", "ee")) and vowel_groups > 1:
        vowel_groups -= 1  # a silent final e: "care", "treatable"
    return max(1, hyphenated, vowel_groups)


def readability(text: str) -> Readability:
    """Measure `text` (plain text, one block per line) with the Flesch-Kincaid grade formula."""
    found = sentences(text)
    word_lists = [words(sentence) for sentence in found]
    word_count = sum(len(found_words) for found_words in word_lists)
    syllable_count = sum(syllables(word) for found_words in word_lists for word in found_words)
    long_sentences = [
        sentence
        for sentence, found_words in zip(found, word_lists, strict=True)
        if len(found_words) > LONG_SENTENCE_WORDS
    ]
    if word_count == 0:
        return Readability(0, 0, 0, None, None, [])
    grade = 0.39 * word_count / len(found) + 11.8 * syllable_count / word_count - 15.59
    grade = round(max(grade, 0.0), 1)
    return Readability(
        words=word_count,
        sentences=len(found),
        syllables=syllable_count,
        grade=grade,
        reading_age=round(grade) + 5,
        long_sentences=long_sentences,
    )
