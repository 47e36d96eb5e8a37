"""My fever card through the test client: the card is drawn in the answer to a POST, sent no-store, and
nothing typed reaches the database, a log or an address. (These tests have no database: any query the
page made would fail them.)"""

import logging

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.pages import parse

CARD = reverse("handouts:fever_card")
# Numbers no page or log would hold by chance.
TYPED = {"care_team_number": "0161 496 0713", "treatment_centre_number": "+44 20 7946 0388"}


def test_the_form_says_nothing_typed_is_stored(client):
    page = parse(client.get(CARD).content)
    assert "Nothing you type here is stored." in page.find("p", class_="privacy-note").text()
    form = page.find("form", id="fever-card-form")
    assert (form.attrs["method"], form.attrs["action"], form.attrs["autocomplete"]) == ("post", CARD, "off")
    assert not page.find_all("div", class_="fever-card")


def test_a_valid_post_answers_with_the_card_and_is_never_stored_by_a_cache(client):
    response = client.post(CARD, TYPED)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    card = parse(response.content).find("div", class_="fever-card")
    text = card.text()
    assert "38°C (100.4°F) or higher, or below 36°C (96.8°F)" in text
    assert "Tell them: “I may have a low neutrophil count (neutropenic sepsis risk).”" in text
    assert "24-hour number: 0161 496 0713" in text
    assert "Treatment centre: +44 20 7946 0388" in text
    qr = card.find("svg")
    assert qr.find("title").text() == "QR code of the guide's page on fever: http://testserver/articles/fever/"


def test_the_treatment_centre_line_is_left_out_when_not_given(client):
    card = parse(client.post(CARD, {"care_team_number": "0161 496 0713"}).content).find("div", class_="fever-card")
    assert "Treatment centre" not in card.text()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({}, "Enter your care team's 24-hour number"),
        ({"care_team_number": "   "}, "Enter your care team's 24-hour number"),
        ({"care_team_number": "call Jo"}, "Enter your care team's 24-hour number using digits, like 020 7946 0000"),
        ({"care_team_number": "12"}, "Enter your care team's 24-hour number using digits, like 020 7946 0000"),
        ({"care_team_number": "1" * 31}, "Your care team's 24-hour number is too long: use 30 characters or fewer"),
        (
            {"care_team_number": "0161 496 0713", "treatment_centre_number": "<script>"},
            "Enter your treatment centre's number using digits, like 020 7946 0000",
        ),
    ],
    ids=["missing", "blank", "words", "too short", "too long", "bad optional number"],
)
def test_bad_input_gets_a_clear_message_and_no_card(client, typed, message):
    response = client.post(CARD, typed)
    assert response.status_code == 200
    page = parse(response.content)
    assert message in page.find("div", class_="error-summary").text()
    assert page.find("title").text().startswith("Error: ")
    assert not page.find_all("div", class_="fever-card")


def test_nothing_typed_is_logged_or_put_in_an_address(client, caplog):
    caplog.set_level(logging.DEBUG)
    response = client.post(CARD, TYPED)
    assert "Location" not in response
    assert parse(response.content).find("form", id="fever-card-form").attrs["action"] == CARD
    for value in TYPED.values():
        assert value not in caplog.text


def test_a_form_error_keeps_the_page_on_post_and_out_of_the_logs(client, caplog):
    caplog.set_level(logging.DEBUG)
    client.post(CARD, {"care_team_number": "0161 496 0713 call me"})
    assert "0161 496 0713" not in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["fever", "precautions"])
def test_the_fever_and_precautions_articles_link_to_the_card(client, slug):
    call_command("import_articles", verbosity=0)
    links = [a.attrs["href"] for a in parse(client.get(f"/articles/{slug}/").content).find_all("a")]
    assert CARD in links


@pytest.mark.parametrize("typed", [{"anc": "3200"}, {"anc": "lots"}], ids=["result", "errors"])
def test_every_checker_answer_links_to_the_card_beside_its_standing_card(client, typed):
    fields = {"unit": "cells_per_ul", "age_group": "adult", "temperature_unit": "c", **typed}
    answer = parse(client.post(reverse("checker:neutrophil_count"), fields).content).find("div", id="answer")
    assert CARD in [a.attrs["href"] for a in answer.find_all("a")]
