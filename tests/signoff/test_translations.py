"""Sign-off per language, and translations falling out of date, through the admin: a translation is out of date
exactly when its source's live version changed after the translation was last approved."""

import pytest
from django.urls import reverse

from articles.models import Article
from signoff.models import Approval, ReviewRequest
from tests.pages import change_url, parse, save_article

pytestmark = pytest.mark.django_db

SOURCE_BODY = "## Why\n\nCall your care team now.\n"
CHANGED_SOURCE_BODY = "## Why\n\nCall your care team now, day or night.\n"


@pytest.fixture
def fever(make_article):
    return make_article(title="Fever", slug="fever", body=SOURCE_BODY)


@pytest.fixture
def fiebre(make_article, fever):
    return make_article(
        title="Fiebre",
        slug="fiebre",
        language="es",
        translation_of=fever,
        status=Article.Status.DRAFT,
        body="## Por qué\n\nLlame ahora a su equipo.\n",
    )


@pytest.fixture
def approve_change(editor_client, reviewer_client, submit, approve):
    """The editor submits `article` with `changes`, the reviewer approves it: it is live."""

    def change(article, **changes):
        assert submit(editor_client, article, **changes).status_code == 302
        response = approve(reviewer_client, article)
        assert response.status_code == 302, response.content.decode()

    return change


def listed(client, query=""):
    """{title: translation up-to-date column} of the article list (filtered by `query`)."""
    tree = parse(client.get(reverse("admin:articles_article_changelist") + query).content)
    rows = [row for table in tree.find_all("table", id="result_list") for row in table.find("tbody").find_all("tr")]
    return {row.find("th").text(): row.find("td", class_="field-translation_freshness").text() for row in rows}


def test_a_translation_never_approved_is_not_yet_approved_whatever_its_source_does(
    editor_client, fever, fiebre, approve_change
):
    assert listed(editor_client)["Fiebre"] == "Not yet approved"
    approve_change(fever, body=CHANGED_SOURCE_BODY)
    assert listed(editor_client)["Fiebre"] == "Not yet approved"
    assert listed(editor_client, "?translation=out_of_date") == {}
    assert listed(editor_client, "?translation=not_approved") == {"Fiebre": "Not yet approved"}
    panel = parse(editor_client.get(change_url(fiebre)).content).find("section", class_="translation-panel")
    heading = panel.find("h2")
    assert heading.text() == "Translation of “Fever”: Not yet approved"


def test_a_translation_is_out_of_date_exactly_when_its_sources_live_version_changes_after_its_approval(
    editor_client, submit, fever, fiebre, approve_change
):
    approve_change(fiebre)
    assert listed(editor_client)["Fiebre"] == "Up to date"
    # Changes to the source that are not live yet change nothing for the translation.
    save_article(editor_client, fever, body=CHANGED_SOURCE_BODY)
    assert listed(editor_client)["Fiebre"] == "Up to date"
    assert submit(editor_client, fever, body=CHANGED_SOURCE_BODY).status_code == 302
    assert listed(editor_client)["Fiebre"] == "Up to date"
    assert listed(editor_client, "?translation=out_of_date") == {}
    # The source's new version goes live: the translation is out of date, listed and filtered as such.
    approve_change(fever)
    assert listed(editor_client)["Fiebre"] == "Out of date"
    assert listed(editor_client, "?translation=out_of_date") == {"Fiebre": "Out of date"}
    assert listed(editor_client, "?translation=up_to_date") == {}
    tree = parse(editor_client.get(reverse("admin:articles_article_changelist")).content)
    rows = tree.find("table", id="result_list").find("tbody").find_all("tr")
    (source_row,) = [row for row in rows if row.find("th").text() == "Fever"]
    assert source_row.find("td", class_="field-translations_list").text() == "Español: Live, Out of date"
    # A new approval of the translation brings it up to date again.
    approve_change(fiebre, body="## Por qué\n\nLlame ahora a su equipo, de día o de noche.\n")
    assert listed(editor_client)["Fiebre"] == "Up to date"
    assert Approval.objects.filter(article=fiebre).count() == 2


def test_an_out_of_date_translation_links_to_what_changed_in_its_source_since_its_approval(
    editor_client, fever, fiebre, approve_change
):
    approve_change(fiebre)
    panel = parse(editor_client.get(change_url(fiebre)).content).find("section", class_="translation-panel")
    assert not [a for a in panel.find_all("a") if "compare" in a.attrs["href"]]
    approve_change(fever, body=CHANGED_SOURCE_BODY)
    approve_change(fever, body="## Why\n\nCall your care team now, day or night. Do not wait.\n")
    panel = parse(editor_client.get(change_url(fiebre)).content).find("section", class_="translation-panel")
    assert "changed after this translation was last approved" in panel.text()
    (link,) = [a for a in panel.find_all("a") if a.text() == "Compare what changed in “Fever” since"]
    response = editor_client.get(link.attrs["href"])
    assert response.status_code == 200
    diff = parse(response.content).find("pre", class_="article-diff")
    # From the version live when the translation was approved to the one live now, skipping none between.
    assert [line.text() for line in diff.find_all("del")] == ["- Call your care team now."]
    assert [line.text() for line in diff.find_all("ins")] == ["+ Call your care team now, day or night. Do not wait."]


def test_approving_the_english_article_approves_nothing_in_spanish(
    editor_client, reviewer_client, submit, approve, fever, fiebre
):
    submit(editor_client, fever, body=CHANGED_SOURCE_BODY)
    submit(editor_client, fiebre, body="## Por qué\n\nLlame ya a su equipo.\n")
    waiting = parse(reviewer_client.get(reverse("admin:index")).content).find("div", id="waiting-for-review")
    languages = {row.find("th").text(): row.find_all("td")[0].text() for row in waiting.find_all("tr")}
    assert languages == {"Fever": "English", "Fiebre": "Español"}
    assert approve(reviewer_client, fever).status_code == 302
    assert not Approval.objects.filter(article=fiebre).exists()
    assert ReviewRequest.objects.get(article=fiebre).status == ReviewRequest.Status.PENDING
    fiebre.refresh_from_db()
    assert fiebre.status == Article.Status.DRAFT
    tree = parse(editor_client.get(change_url(fiebre)).content)
    assert "Changes waiting for review" in tree.find("h2", id="signoff-heading").text()
    assert "For the text in Español only" in tree.find("p", class_="signoff-language").text()


def test_a_reviewer_sees_the_language_of_what_they_approve_and_approves_it_on_its_own(
    reviewer_client, editor_client, submit, approve, fever, fiebre
):
    submit(editor_client, fiebre, body="## Por qué\n\nLlame ya a su equipo.\n")
    page = parse(reviewer_client.get(reverse("admin:articles_article_approve", args=[fiebre.pk])).content)
    assert page.find("p", class_="review-language").text() == (
        "You are reviewing the text in Español, a translation of “Fever”. Your approval is for this language only."
    )
    assert approve(reviewer_client, fiebre).status_code == 302
    (approval,) = Approval.objects.filter(article=fiebre)
    assert approval.source_version.field_dict["body"] == SOURCE_BODY
    assert not Approval.objects.filter(article=fever).exists()
    fiebre.refresh_from_db()
    assert fiebre.status == Article.Status.PUBLISHED


def test_an_approval_whose_slug_was_taken_meanwhile_is_refused_with_a_message(
    editor_client, reviewer_client, submit, approve, make_article, fever, fiebre, approve_change
):
    approve_change(fiebre)  # live: the new slug waits in the working copy
    submit(editor_client, fiebre, slug="causas")
    make_article(title="Causas", slug="causas", language="es")
    response = approve(reviewer_client, fiebre)
    assert response.status_code == 200
    message = parse(response.content).find("div", class_="errornote").text()
    assert "Another article took this version's place while it waited for review" in message
    assert Approval.objects.filter(article=fiebre).count() == 1  # the first one only
    fiebre.refresh_from_db()
    assert fiebre.slug == "fiebre"
