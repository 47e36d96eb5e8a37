"""An admin address that names no article, a number or not (a browser's guess, a mistyped link), answers as
the admin does for a missing object, never with a server error."""

import pytest

from tests.pages import parse

pytestmark = pytest.mark.django_db

NOT_AN_ARTICLE = ["widgets.css", "999999", "1/change/widgets.css"]


@pytest.mark.parametrize("object_id", NOT_AN_ARTICLE)
def test_the_change_form_of_no_article_redirects_to_the_admin_home(admin_client, object_id):
    response = admin_client.get(f"/admin/articles/article/{object_id}/change/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("object_id", NOT_AN_ARTICLE)
@pytest.mark.parametrize(
    "page", ["history/compare/", "update-links/", "approve/", "request-changes/", "compare-live/", "preview-links/"]
)
def test_the_editors_pages_of_no_article_are_not_found(admin_client, object_id, page):
    assert admin_client.get(f"/admin/articles/article/{object_id}/{page}").status_code == 404


def test_the_old_addresses_list_says_which_language_each_was_in(admin_client, make_article):
    article = make_article(slug="fiebre", language="es")
    article.slug = "la-fiebre"
    article.save()

    page = parse(admin_client.get("/admin/articles/oldslug/?language=es").content)

    row = page.find("tbody").find("tr")
    assert "fiebre" in row.text()
    assert "Español" in row.text()
    assert not parse(admin_client.get("/admin/articles/oldslug/?language=en-gb").content).find_all("tbody")
