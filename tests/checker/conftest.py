import pytest
from django.urls import reverse


@pytest.fixture
def check_count(client):
    """Post the count checker and return the response. Fields default to an adult, cells/µL and °C;
    pass a field as None to leave it out."""

    def check(**fields):
        data = {"unit": "cells_per_ul", "age_group": "adult", "temperature_unit": "c", **fields}
        return client.post(reverse("checker:neutrophil_count"), {k: v for k, v in data.items() if v is not None})

    return check
