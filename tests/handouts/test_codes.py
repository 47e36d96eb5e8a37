"""Handout codes: a choice written into a short address reads back the same; anything else is refused."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handouts.codes import MAX_PICKS, InvalidCode, Pick, decode, encode, section_key

part_keys = st.lists(st.sampled_from(["0", *(section_key(f"section-{n}") for n in range(20))]), unique=True, max_size=8)
picks = st.lists(
    st.builds(Pick, st.integers(1, 10**9), part_keys.map(tuple)),
    min_size=1,
    max_size=MAX_PICKS,
    unique_by=lambda p: p[0],
)


@given(picks)
def test_a_code_reads_back_as_the_choice_it_was_made_from(choice):
    assert decode(encode(choice)) == choice


def test_a_code_is_short_and_readable():
    choice = [Pick(7, ()), Pick(12, ("0", section_key("why-a-fever-is-so-serious")))]
    code = encode(choice)
    assert code.startswith("7-c.0.")
    assert len(code) == len("7-c.0.xxx")


def test_a_section_key_is_three_letters_or_digits_and_always_the_same():
    assert section_key("what-to-do") == section_key("what-to-do")
    assert len(section_key("what-to-do")) == 3
    assert section_key("what-to-do") != section_key("what-to-do-next")


@pytest.mark.parametrize(
    "code",
    ["", "-", "7-", "7..a", "7.abcd", "07", "7.a.a", "7-7", "A", "7/8", "7 8", "x" * 1001, "-".join(["1"] * 2) + "-1"],
)
def test_anything_encode_could_not_have_written_is_refused(code):
    with pytest.raises(InvalidCode):
        decode(code)


def test_a_code_with_too_many_picks_is_refused():
    with pytest.raises(InvalidCode):
        decode("-".join(str(n) for n in range(1, MAX_PICKS + 2)))
