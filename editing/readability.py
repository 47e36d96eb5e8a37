"""How hard a text is to read: the Flesch-Kincaid grade and reading age (English), the INFLESZ score
(Spanish), and long sentences.

Pure Python without Django, so editors' plain-language help is tested in microseconds. Syllables are
counted with pyphen's bundled hyphenation dictionaries (English, Spanish): nothing is downloaded at run time.

The grade is the US school grade (Flesch-Kincaid); a UK reading age is the grade plus five years. Spanish
text is scored on the Szigriszt-Pazos perspicuity formula and named by its INFLESZ band (Barrio-Cantalejo
et al. 2008). The content guide asks for sentences of 20 words or fewer, so longer ones are listed for the
editor.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import pyphen

LONG_SENTENCE_WORDS = 20

# A sentence ends at . ! or ? followed by a space, or at the end of a line (headings, list items and
# table cells are lines of their own in an article's plain text).
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*|\d+(?:[.,]\d+)*")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# A Spanish word: Latin letters with their accents (á, ñ, ü...), but not the unit signs µ and ³.
SPANISH_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+|\d+(?:[.,]\d+)*")
# Vowels that stand in a syllable of their own beside any other vowel: a, e, o, and i, u when accented.
STRONG_VOWELS = frozenset("aeoáéóíúàèòìù")
# y is a vowel only where no vowel follows it ("muy", "y"); before one it is a consonant ("yo").
SPANISH_VOWEL_GROUPS = re.compile(r"(?:[aeiouáéíóúüàèìòù]|y(?![aeiouáéíóú]))+")
# The INFLESZ bands up to 80, from the top: (lowest score of the band, its name); above 80 is "muy fácil".
INFLESZ_BANDS = ((65.0, "bastante fácil"), (55.0, "normal"), (40.0, "algo difícil"))


@dataclass(frozen=True)
class Counts:
    """The words, sentences and syllables of a text, and its sentences over LONG_SENTENCE_WORDS words in
    text order."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    long_sentences: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Readability(Counts):
    """What an editor needs to know about an English text's reading level: its counts, its Flesch-Kincaid
    `grade` and UK `reading_age` (both None when the text has no words)."""

    grade: float | None = None
    reading_age: int | None = None


@dataclass(frozen=True)
class Inflesz(Counts):
    """What an editor needs to know about a Spanish text's reading level: its counts, its Szigriszt-Pazos
    perspicuity `score` (one decimal) and the score's INFLESZ `band` (both None when the text has no words)."""

    score: float | None = None
    band: str | None = None


@lru_cache(maxsize=2)
def _dictionary(lang: str = "en_GB") -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=lang)


def sentences(text: str, word: re.Pattern = WORD) -> list[str]:
    """Split plain text into sentences: at . ! ? followed by a space, and at every line end. A part with no
    `word` in it is no sentence."""
    found = []
    for line in text.splitlines():
        found.extend(part.strip() for part in SENTENCE_END.split(line) if word.search(part))
    return found


def words(sentence: str) -> list[str]:
    """The words of a sentence; a number counts as one word."""
    return WORD.findall(sentence)


def spanish_words(sentence: str) -> list[str]:
    """The words of a Spanish sentence, accented letters and ñ included; a number counts as one word."""
    return SPANISH_WORD.findall(sentence)


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


def spanish_syllables(word: str) -> int:
    """Count the syllables of one Spanish word (at least one; a number is one): the more of its pyphen `es`
    hyphenation pieces and its vowel nuclei, since hyphenation leaves some syllables unsplit ("agua",
    "día"). Each run of vowels is one nucleus (a diphthong: "cui-da-do", "ciu-dad") plus one for each
    hiatus inside it, two vowels side by side of which neither is an unaccented i or u ("po-e-ta", "dí-a")."""
    if word[0].isdigit():
        return 1
    lower = word.lower()
    hyphenated = len(_dictionary("es").positions(lower)) + 1
    nuclei = 0
    for group in SPANISH_VOWEL_GROUPS.findall(lower):
        nuclei += 1 + sum(first in STRONG_VOWELS and second in STRONG_VOWELS for first, second in pairwise(group))
    return max(1, hyphenated, nuclei)


def _count(text: str, word: re.Pattern, count_syllables) -> Counts:
    found = sentences(text, word)
    word_lists = [word.findall(sentence) for sentence in found]
    return Counts(
        words=sum(len(found_words) for found_words in word_lists),
        sentences=len(found),
        syllables=sum(count_syllables(each) for found_words in word_lists for each in found_words),
        long_sentences=[
            sentence
            for sentence, found_words in zip(found, word_lists, strict=True)
            if len(found_words) > LONG_SENTENCE_WORDS
        ],
    )


def readability(text: str) -> Readability:
    """Measure `text` (plain text, one block per line) with the Flesch-Kincaid grade formula."""
    counts = _count(text, WORD, syllables)
    if counts.words == 0:
        return Readability()
    grade = 0.39 * counts.words / counts.sentences + 11.8 * counts.syllables / counts.words - 15.59
    grade = round(max(grade, 0.0), 1)
    return Readability(**vars(counts), grade=grade, reading_age=round(grade) + 5)


def inflesz_band(score: float) -> str:
    """The INFLESZ name of a Szigriszt-Pazos score: "muy difícil" below 40, "algo difícil" from 40,
    "normal" from 55, "bastante fácil" from 65 to 80, "muy fácil" above 80."""
    if score > 80:
        return "muy fácil"
    for lowest, band in INFLESZ_BANDS:
        if score >= lowest:
            return band
    return "muy difícil"


def inflesz(text: str) -> Inflesz:
    """Measure Spanish `text` (plain text, one block per line) with the Szigriszt-Pazos perspicuity formula,
    P = 206.835 - 62.3 * syllables/words - words/sentences, and name the INFLESZ band of the score rounded
    to one decimal, as it is shown."""
    counts = _count(text, SPANISH_WORD, spanish_syllables)
    if counts.words == 0:
        return Inflesz()
    score = round(206.835 - 62.3 * counts.syllables / counts.words - counts.words / counts.sentences, 1)
    return Inflesz(**vars(counts), score=score, band=inflesz_band(score))
