"""The plain-language measures, as pure functions: no Django, no database."""

import pytest

from editing.readability import LONG_SENTENCE_WORDS, readability, sentences, syllables, words


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("cat", 1),
        ("the", 1),
        ("care", 1),
        ("doctor", 2),
        ("open", 2),
        ("people", 2),
        ("hospital", 3),
        ("infection", 3),
        ("temperature", 4),
        ("38", 1),
    ],
)
def test_syllables_are_counted_per_word(word, count):
    assert syllables(word) == count


def test_sentences_end_at_stops_and_at_line_ends():
    text = "Call us now. Do not wait!\nSymptoms to watch\nIs it urgent? Yes."
    assert sentences(text) == ["Call us now.", "Do not wait!", "Symptoms to watch", "Is it urgent?", "Yes."]


def test_numbers_and_contractions_are_single_words():
    assert words("Don't wait if it's 38.5 degrees.") == ["Don't", "wait", "if", "it's", "38.5", "degrees"]


def test_short_plain_sentences_read_at_a_young_age():
    result = readability("Wash your hands. Eat well. Call us if you feel hot.")
    assert result.sentences == 3
    assert result.words == 11
    assert result.grade is not None
    assert result.grade < 3
    assert result.reading_age == round(result.grade) + 5
    assert result.long_sentences == []


def test_long_words_in_long_sentences_read_at_a_higher_grade():
    plain = readability("You have few white cells. They fight germs. You can get ill more easily.")
    dense = readability(
        "Neutropenia, characterised by an abnormally diminished concentration of circulating neutrophils, "
        "predisposes individuals to potentially life-threatening bacterial infections."
    )
    assert dense.grade > plain.grade + 8
    assert dense.reading_age > plain.reading_age


def test_the_flesch_kincaid_formula_is_applied():
    result = readability("The cat sat on the mat. The dog ran to the big red barn.")
    expected = 0.39 * result.words / result.sentences + 11.8 * result.syllables / result.words - 15.59
    assert result.grade == round(max(expected, 0), 1)


def test_sentences_over_twenty_words_are_flagged_and_twenty_is_fine():
    twenty = " ".join(["word"] * LONG_SENTENCE_WORDS) + "."
    twenty_one = " ".join(["word"] * (LONG_SENTENCE_WORDS + 1)) + "."
    result = readability(f"{twenty} Short one. {twenty_one}")
    assert result.long_sentences == [twenty_one]


def test_a_text_without_words_has_no_grade():
    result = readability("  \n---\n")
    assert result.grade is None
    assert result.reading_age is None
    assert result.words == 0
