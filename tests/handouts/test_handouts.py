"""Clinicians' handouts through the test client: the builder, the short address, the printable page."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from handouts.codes import OPENING, Pick, encode, section_key
from tests.pages import parse

pytestmark = pytest.mark.django_db

BUILDER = reverse("handouts:builder")
FEVER_BODY = (
    "Call now.\n\n> **Get medical help now if:**\n>\n> - hot\n\n## Why it matters\n\nSepsis.\n\n## Be ready\n\nA bag.\n"
)


@pytest.fixture
def guide(make_article):
    return {
        "overview": make_article(title="Overview", slug="overview", position=1),
        "fever": make_article(title="Fever", slug="fever", position=2, body=FEVER_BODY),
    }


def test_the_builder_lists_every_article_with_its_parts(client, guide):
    page = parse(client.get(BUILDER).content)
    legends = [fieldset.find_all("legend")[0].text() for fieldset in page.find_all("fieldset", class_="handout-choice")]
    assert legends == ["Overview", "Fever"]
    fever = guide["fever"].pk
    parts = [box.attrs["value"] for box in page.find_all("input", name=f"parts-{fever}")]
    assert parts == [OPENING, section_key("why-it-matters"), section_key("be-ready")]


def test_a_choice_redirects_to_its_short_address_in_the_order_given(client, guide):
    overview, fever = guide["overview"].pk, guide["fever"].pk
    response = client.get(
        BUILDER,
        {f"whole-{overview}": "on", f"order-{overview}": "3", f"parts-{fever}": [section_key("be-ready"), OPENING]},
        HTTP_ACCEPT="text/html",
    )
    assert response.status_code == 302
    code = encode([Pick(fever, (OPENING, section_key("be-ready"))), Pick(overview, ())])
    assert response["Location"] == reverse("handouts:handout", args=[code])


def test_the_handout_holds_the_chosen_parts_in_order_then_a_fever_card(client, guide):
    overview, fever = guide["overview"].pk, guide["fever"].pk
    location = client.get(BUILDER, {f"whole-{overview}": "on", f"order-{overview}": "3", f"parts-{fever}": [OPENING]})
    page = parse(client.get(location["Location"]).content)
    articles = page.find_all("article", class_="handout-article")
    assert [article.find("h2", class_="handout-article-title").text() for article in articles] == ["Fever", "Overview"]
    assert "Call now." in articles[0].text()
    assert articles[0].find_all("div", class_="care-card")
    assert "Sepsis." not in articles[0].text()
    assert "First section" in articles[1].text()
    assert "Second section" in articles[1].text()
    assert "http://testserver/articles/fever/" in articles[0].find("span", class_="print-address-url").text()
    assert (
        articles[0].find("svg").find("title").text()
        == "QR code of the page's address: http://testserver/articles/fever/"
    )
    handout_address = page.find("header", class_="handout-header").find("span", class_="print-address-url").text()
    assert handout_address == "http://testserver" + location["Location"]
    card = page.find("section", class_="handout-fever-card")
    assert "Tell them:" in card.text()
    assert len(card.find_all("span", class_="write-in")) == 2


def test_the_same_choice_always_gives_the_same_address(client, guide):
    choice = {f"whole-{guide['overview'].pk}": "on"}
    assert client.get(BUILDER, choice)["Location"] == client.get(BUILDER, choice)["Location"]


def test_the_address_keeps_working_when_an_article_is_renamed(client, guide):
    location = client.get(BUILDER, {f"whole-{guide['fever'].pk}": "on"})["Location"]
    guide["fever"].slug = "fever-and-help"
    guide["fever"].save()
    page = parse(client.get(location).content)
    assert "http://testserver/articles/fever-and-help/" in page.text()


def test_nothing_ticked_gets_a_clear_message(client, guide):
    response = client.get(BUILDER, {f"order-{guide['overview'].pk}": "1"})
    assert response.status_code == 200
    summary = parse(response.content).find("div", class_="error-summary")
    assert "Tick at least one article or part of an article" in summary.text()


@pytest.mark.parametrize("order", ["first", "0", "100", "1.5"])
def test_a_bad_place_gets_a_clear_message(client, guide, order):
    overview = guide["overview"].pk
    response = client.get(BUILDER, {f"whole-{overview}": "on", f"order-{overview}": order})
    assert response.status_code == 200
    assert (
        "Enter the place of “Overview” as a number"
        in parse(response.content).find("div", class_="error-summary").text()
    )


def test_an_unknown_part_is_refused(client, guide):
    response = client.get(BUILDER, {f"parts-{guide['fever'].pk}": "zzz"})
    assert response.status_code == 200
    assert parse(response.content).find_all("div", class_="error-summary")


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("not a code!", "This is not the address of a handout."),
        ("zzzz", "This handout lists a page the guide no longer has."),
    ],
)
def test_a_handout_address_that_names_nothing_answers_404_with_the_reason(client, guide, code, reason):
    response = client.get(f"/handout/{code}/")
    assert response.status_code == 404
    assert reason in parse(response.content).text()


def test_a_handout_of_a_section_since_renamed_answers_404_with_the_reason(client, guide):
    location = client.get(BUILDER, {f"parts-{guide['fever'].pk}": [section_key("be-ready")]})["Location"]
    guide["fever"].body = FEVER_BODY.replace("## Be ready", "## Get ready")
    guide["fever"].save()
    response = client.get(location)
    assert response.status_code == 404
    assert "This handout lists a part of “Fever” that has changed." in parse(response.content).text()


def test_a_draft_article_is_never_in_a_handout(client, guide):
    location = client.get(BUILDER, {f"whole-{guide['fever'].pk}": "on"})["Location"]
    guide["fever"].status = "draft"
    guide["fever"].save()
    assert client.get(location).status_code == 404


JUNK = ["\x00", "%", "' OR 1=1 --", "é" * 5000, "-1", "1e9", "<script>", "../../etc/passwd"]


@pytest.mark.parametrize("junk", JUNK)
def test_junk_in_the_builder_or_a_handout_address_never_fails_the_server(client, guide, junk):
    fever = guide["fever"].pk
    for query in ({f"whole-{fever}": junk}, {f"parts-{fever}": junk}, {f"order-{fever}": junk, f"whole-{fever}": "on"}):
        assert client.get(BUILDER, query).status_code in {200, 302}, query
    assert client.get(f"/handout/{quote(junk, safe='')}/").status_code == 404
