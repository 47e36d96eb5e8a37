"""The checks before publishing on the article form: the panel, its endpoint, the word list, and the two
problems that stop publishing (through the admin's submit and approve)."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from articles.models import Article
from editing.models import MedicalWord
from signoff.models import Approval, ReviewRequest
from tests.pages import change_url, parse

pytestmark = pytest.mark.django_db


def panel_items(response):
    return [item.text() for item in parse(response.content).find_all("li", class_="publishing-check")]


def test_the_checks_endpoint_lists_problems_by_line_for_editors_only(editor_client, make_article):
    make_article(title="Fever", slug="fever")
    MedicalWord.objects.create(word="sepsis", plain="emergency")
    typed = "## Fever\n\n[click here](/articles/fever/)\n\nIt can be sepsis.\n\n[Causes](/articles/gone/)"
    items = panel_items(editor_client.post(reverse("editor_publishing_checks"), {"content": typed}))
    assert [item.split(" ", 2)[:2] for item in items] == [["Line", "3"], ["Line", "5"], ["Line", "7"]]
    assert "click here" in items[0]
    assert "sepsis" in items[1]
    assert items[2].startswith("Line 7 Stops publishing:")
    client = Client()
    assert client.post(reverse("editor_publishing_checks"), {"content": typed}).status_code == 403
    client.force_login(User.objects.create_user("reader", password="x" * 20, is_staff=True))
    assert client.post(reverse("editor_publishing_checks"), {"content": typed}).status_code == 403
    assert editor_client.get(reverse("editor_publishing_checks")).status_code == 405


def test_the_change_form_shows_the_checks_panel_for_the_saved_body(editor_client, make_article):
    article = make_article(body="## Start\n\n### Detail\n\n#### Too deep")
    panel = parse(editor_client.get(change_url(article)).content).find("div", class_="publishing-checks-panel")
    assert panel.attrs["data-checks-url"] == reverse("editor_publishing_checks")
    assert [item.attrs["data-kind"] for item in panel.find_all("li")] == []  # ### under ## is in order
    article.body = "### Detail"
    article.save()
    panel = parse(editor_client.get(change_url(article)).content).find("div", class_="publishing-checks-panel")
    assert [item.attrs["data-kind"] for item in panel.find_all("li")] == ["heading"]


def test_a_link_to_a_missing_article_is_saved_but_cannot_be_submitted(editor_client, make_article, submit):
    article = make_article(body="## Start\n\nText.")
    body = "## Start\n\nSee [the causes](/articles/no-such-article/).\n"  # as saved: one final newline
    response = submit(editor_client, article, body=body)
    assert response.status_code == 302  # the draft is saved
    message = parse(editor_client.get(response["Location"]).content).find("ul", class_="messagelist").text()
    assert "links to articles that do not exist" in message
    assert "/articles/no-such-article/ (line 3)" in message
    assert not ReviewRequest.objects.exists()
    assert article.working_copy.version.field_dict["body"] == body


def test_approval_is_refused_when_a_linked_article_was_deleted_meanwhile(
    editor_client, reviewer_client, make_article, submit, approve
):
    causes = make_article(title="Causes", slug="causes")
    article = make_article(body="## Start\n\nText.")
    assert submit(editor_client, article, body="## Start\n\nSee [the causes](/articles/causes/).").status_code == 302
    assert ReviewRequest.objects.filter(status=ReviewRequest.Status.PENDING).exists()
    Article.objects.filter(pk=causes.pk).delete()
    response = approve(reviewer_client, article)
    assert response.status_code == 200
    assert "/articles/causes/ (line 3)" in parse(response.content).find("div", class_="errornote").text()
    assert not Approval.objects.exists()


def test_the_bundled_medical_words_load_once_and_keep_editors_changes():
    out = StringIO()
    call_command("import_medical_words", stdout=out)
    assert MedicalWord.objects.filter(word="neutropenia").exists()
    assert "new" in out.getvalue()
    MedicalWord.objects.filter(word="febrile").update(plain="with a fever")
    count = MedicalWord.objects.count()
    call_command("import_medical_words", stdout=StringIO())
    assert MedicalWord.objects.count() == count
    assert MedicalWord.objects.get(word="febrile").plain == "with a fever"


def test_a_bad_word_list_is_refused_with_a_message(tmp_path):
    path = tmp_path / "words.yaml"
    path.write_text("- word: sepsis\n", encoding="utf-8")
    with pytest.raises(CommandError, match="entry 1: give exactly a word and its plain words"):
        call_command("import_medical_words", str(path), stdout=StringIO())
    assert not MedicalWord.objects.exists()
