"""JSON-LD descriptions: MedicalWebPage on articles, WebSite on the home page."""

import datetime
import json

import pytest

pytestmark = pytest.mark.django_db


def json_ld(tree):
    """Return the data of the page's one JSON-LD script."""
    return json.loads(tree.find("script", type="application/ld+json").raw_text())


def test_article_is_described_as_a_reviewed_medical_web_page(page, approved_article, site_url):
    article = approved_article(
        datetime.date(2099, 11, 1), title="Fever and when to get help", slug="fever", summary="A fever is an emergency."
    )
    data = json_ld(page(article.get_absolute_url()))
    url = "https://neutropenia.example.org/articles/fever/"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert (data["name"], data["description"], data["url"]) == (
        "Fever and when to get help",
        "A fever is an emergency.",
        url,
    )
    assert data["lastReviewed"] == article.approvals.get().approved_on.isoformat()
    assert data["reviewedBy"] == {"@type": "Person", "name": "Rita Reeve", "jobTitle": "Specialist nurse"}
    assert data["about"] == {"@type": "MedicalCondition", "name": "Neutropenia"}
    assert data["breadcrumb"] == {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Guide", "item": "https://neutropenia.example.org/"},
            {"@type": "ListItem", "position": 2, "name": "Fever and when to get help", "item": url},
        ],
    }


def test_an_article_without_a_recorded_approval_claims_no_review(page, make_article):
    data = json_ld(page(make_article().get_absolute_url()))
    assert "lastReviewed" not in data
    assert "reviewedBy" not in data


def test_home_page_describes_the_site_and_its_search(page, site_url):
    data = json_ld(page("/"))
    assert data["@type"] == "WebSite"
    assert data["url"] == "https://neutropenia.example.org/"
    action = data["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "https://neutropenia.example.org/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


def test_structured_data_follows_the_request_host_without_a_site_address(page):
    assert json_ld(page("/"))["url"] == "http://testserver/"
