import pytest
from django.urls import reverse
from django.utils import translation

# The languages the checker is tested in, and the marks each writes numbers with (decimal, thousands).
LANGUAGES = ["en-gb", "es"]
NUMBER_MARKS = {"en-gb": (".", ","), "es": (",", ".")}


def in_language(typed, language):
    """A number written the English way ("1,200.5") as ``language`` writes it ("1.200,5" in Spanish)."""
    decimal, thousands = NUMBER_MARKS[language]
    return "".join(decimal if char == "." else thousands if char == "," else char for char in typed)


@pytest.fixture
def check_count(client):
    """Post the count checker and return the response. Fields default to an adult, cells/µL and °C;
    pass a field as None to leave it out. With ``language`` ("es"), post the checker in that language,
    with the numbers of ``fields`` (written the English way) written as that language writes them."""

    def check(language="en-gb", **fields):
        data = {"unit": "cells_per_ul", "age_group": "adult", "temperature_unit": "c", **fields}
        with translation.override(language):
            url = reverse("checker:neutrophil_count")
        typed = {name: in_language(value, language) for name, value in data.items() if value is not None}
        return client.post(url, typed)

    return check
