"""The language is the one the address names: English without a prefix, Spanish under /es/."""

import pytest
from django.urls import reverse

from tests.pages import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("address", "language"),
    [("/", "en-gb"), ("/glossary/", "en-gb"), ("/es/", "es"), ("/es/glossary/", "es")],
)
def test_a_page_is_in_the_language_its_address_names(client, address, language):
    response = client.get(address)

    assert response.status_code == 200
    assert response["Content-Language"] == language
    assert parse(response.content).find("html").attrs["lang"] == language


def test_the_browsers_language_never_chooses_the_page_language(client):
    response = client.get("/", headers={"accept-language": "es", "cookie": "django_language=es"})

    assert response["Content-Language"] == "en-gb"
    assert "accept-language" not in response.get("Vary", "").lower()


@pytest.mark.parametrize("address", ["/en-gb/", "/en-gb/glossary/", "/es/admin/", "/es/sitemap.xml"])
def test_only_the_visitor_pages_have_a_spanish_address_and_english_has_no_prefix(client, address):
    assert client.get(address).status_code == 404


def test_the_switcher_leads_to_the_same_page_in_the_other_language(client):
    english = parse(client.get("/glossary/").content).find("nav", class_="language-switcher")
    spanish = parse(client.get("/es/glossary/").content).find("nav", class_="language-switcher")

    assert english.find("a", hreflang="es").attrs["href"] == "/es/glossary/"
    assert spanish.find("a", hreflang="en-gb").attrs["href"] == "/glossary/"
    assert english.find(aria_current="true").text() == "English"
    assert spanish.find(aria_current="true").text() == "Español"


def test_hreflang_alternates_name_every_language_both_ways_and_a_default(client):
    for address in ("/glossary/", "/es/glossary/"):
        links = parse(client.get(address).content).find_all("link", rel="alternate")
        alternates = {link.attrs["hreflang"]: link.attrs["href"] for link in links if "hreflang" in link.attrs}
        assert alternates == {
            "en-gb": "http://testserver/glossary/",
            "es": "http://testserver/es/glossary/",
            "x-default": "http://testserver/glossary/",
        }


def test_a_page_with_no_address_in_the_other_language_switches_to_its_home(client):
    page = parse(client.get("/no-such-page/").content)

    assert page.find("nav", class_="language-switcher").find("a", hreflang="es").attrs["href"] == "/es/"
    assert not page.find_all("link", hreflang="es")


def test_a_spanish_page_leaves_the_default_language_active_afterwards(client):
    client.get("/es/glossary/")

    assert reverse("articles:home") == "/"
