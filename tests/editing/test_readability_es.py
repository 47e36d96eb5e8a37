"""The Spanish plain-language measure (INFLESZ), as pure functions: no Django, no database."""

import pytest

from editing.readability import LONG_SENTENCE_WORDS, inflesz, inflesz_band, spanish_syllables, spanish_words


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("neutrófilos", 4),
        ("médula", 3),
        ("infección", 3),
        ("día", 2),  # hiatus: an accented í beside a vowel is a syllable of its own
        ("río", 2),
        ("oído", 3),
        ("baúl", 2),
        ("cuidado", 3),  # ui is one syllable
        ("ciudad", 2),  # iu is one syllable
        ("quimioterapia", 5),  # qui-mio-te-ra-pia: the u after q is silent, io is a diphthong
        ("agua", 2),  # hyphenation leaves a single first or last vowel unsplit
        ("ósea", 3),
        ("leucocitos", 4),
        ("poeta", 3),  # two strong vowels side by side
        ("leer", 2),
        ("fiebre", 2),
        ("muy", 1),  # a final y is a vowel in the diphthong
        ("yo", 1),  # before a vowel, y is a consonant
        ("prohibir", 3),  # h between vowels keeps them apart in writing
        ("pingüino", 3),
        ("niños", 2),
        ("38", 1),
    ],
)
def test_spanish_syllables_are_counted_per_word(word, count):
    assert spanish_syllables(word) == count


def test_spanish_words_keep_accents_and_ñ_and_leave_out_unit_signs():
    sentence = "¿Qué le pasa al niño? Su RAN es 1,5 ×10³/µL (1.500/mm³) y tiene 38 °C."
    assert spanish_words(sentence) == [
        "Qué", "le", "pasa", "al", "niño", "Su", "RAN", "es", "1,5", "10", "L", "1.500", "mm", "y", "tiene",
        "38", "C",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (-10.0, "muy difícil"),
        (39.9, "muy difícil"),
        (40.0, "algo difícil"),
        (54.9, "algo difícil"),
        (55.0, "normal"),
        (64.9, "normal"),
        (65.0, "bastante fácil"),
        (80.0, "bastante fácil"),
        (80.1, "muy fácil"),
        (120.0, "muy fácil"),
    ],
)
def test_scores_are_named_by_their_inflesz_band(score, band):
    assert inflesz_band(score) == band


def test_a_worked_score():
    # 2 sentences, 13 words. Syllables: la 1, mé-du-la 3, ó-se-a 3, ha-ce 2, las 1, cé-lu-las 3, de 1, la 1,
    # san-gre 2; us-ted 2, tie-ne 2, po-cos 2, neu-tró-fi-los 4: 27 in all.
    # P = 206.835 - 62.3 * 27/13 - 13/2 = 206.835 - 129.39 - 6.5 = 70.9
    result = inflesz("La médula ósea hace las células de la sangre.\nUsted tiene pocos neutrófilos.")
    assert (result.words, result.sentences, result.syllables) == (13, 2, 27)
    assert result.score == 70.9
    assert result.band == "bastante fácil"
    assert result.long_sentences == []


def test_long_words_in_long_spanish_sentences_score_far_lower():
    plain = inflesz("Usted tiene pocas defensas. Lávese las manos. Llame si tiene fiebre.").score
    dense = inflesz(
        "La neutropenia, caracterizada por una disminución anormal de la concentración de neutrófilos "
        "circulantes, predispone a infecciones bacterianas potencialmente mortales."
    )
    assert dense.score < plain - 40
    assert dense.band == "muy difícil"


def test_spanish_sentences_over_twenty_words_are_flagged_and_twenty_is_fine():
    twenty = " ".join(["niño"] * LONG_SENTENCE_WORDS) + "."
    twenty_one = " ".join(["niño"] * (LONG_SENTENCE_WORDS + 1)) + "."
    assert inflesz(f"{twenty} Muy bien. {twenty_one}").long_sentences == [twenty_one]


def test_a_sentence_of_accented_words_only_is_still_a_sentence():
    assert inflesz("Sí. Él.").sentences == 2


def test_a_text_without_words_has_no_score():
    result = inflesz("  \n---\n")
    assert (result.score, result.band, result.words) == (None, None, 0)
