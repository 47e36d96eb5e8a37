"""The editors' workflow in the Django admin, driven through the test client as an editor's browser would."""

import datetime
import json

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from signoff.workflow import working_version
from tests.pages import change_url, form_fields, parse, with_changes
from tests.pages import save_article as save

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def open_form(client, article):
    response = client.get(change_url(article))
    assert response.status_code == 200
    return form_fields(response)


def changelist_rows(client, query=""):
    tree = parse(client.get(reverse("admin:articles_article_changelist") + query).content)
    return [row.find("th").text() for row in tree.find("table", id="result_list").find("tbody").find_all("tr")]


def test_the_list_shows_title_state_position_and_next_check_with_overdue_marked(editor_client, approved_article):
    approved_article(TODAY - datetime.timedelta(days=3), title="Old page")
    approved_article(TODAY + datetime.timedelta(days=30), title="Fresh page")
    tree = parse(editor_client.get(reverse("admin:articles_article_changelist")).content)
    headers = [
        th.find("div", class_="text").text() for th in tree.find("table", id="result_list").find_all("th", scope="col")
    ]
    assert headers == [
        "Title", "Language", "State", "Translations", "Translation up to date", "Position in the guide", "Next check due",
    ]  # fmt: skip
    overdue = tree.find_all("strong", class_="review-overdue")
    assert len(overdue) == 1
    assert overdue[0].parent.parent.find("th").text() == "Old page"
    rows = tree.find("table", id="result_list").find("tbody").find_all("tr")
    next_checks = {row.find("th").text(): row.find("td", class_="field-next_check").text() for row in rows}
    old, fresh = TODAY - datetime.timedelta(days=3), TODAY + datetime.timedelta(days=30)
    assert next_checks == {  # one format, the admin's, whether overdue or not: "15 Nov 2026"
        "Old page": f"{old.day} {old:%b %Y} (overdue)",
        "Fresh page": f"{fresh.day} {fresh:%b %Y}",
    }


def test_the_list_filters_by_clinical_check_and_state(editor_client, approved_article, make_article):
    approved_article(TODAY - datetime.timedelta(days=1), title="Old page")
    approved_article(TODAY + datetime.timedelta(days=90), title="Checked page")
    make_article(title="Unchecked page")
    make_article(title="A draft", status=Article.Status.DRAFT)
    assert changelist_rows(editor_client, "?check=overdue") == ["Old page"]
    assert changelist_rows(editor_client, "?check=never") == ["Unchecked page"]
    assert changelist_rows(editor_client, "?state=draft") == ["A draft"]


def test_the_list_searches_titles_and_bodies(editor_client, make_article):
    make_article(title="Fever", body="Call the team if your temperature is 38C.")
    make_article(title="Food", body="Wash fruit well.")
    assert changelist_rows(editor_client, "?q=temperature") == ["Fever"]
    assert changelist_rows(editor_client, "?q=food") == ["Food"]


def test_the_body_uses_the_markdownx_editor_posting_to_the_staff_only_endpoints(editor_client, make_article):
    tree = parse(editor_client.get(change_url(make_article())).content)
    body = tree.find("textarea", name="body")
    assert "markdownx-editor" in body.attrs["class"]
    assert body.attrs["data-markdownx-urls-path"] == reverse("editor_preview")
    assert body.attrs["data-markdownx-upload-urls-path"] == reverse("editor_upload_image")
    scripts = [script.attrs.get("src", "") for script in tree.find_all("script")]
    assert any("markdownx/js/markdownx" in src for src in scripts)
    assert any(src.endswith("js/admin-editor.js") for src in scripts)


def test_the_slug_is_prepopulated_from_the_title(editor_client):
    tree = parse(editor_client.get(reverse("admin:articles_article_add")).content)
    fields = json.loads(
        tree.find("script", id="django-admin-prepopulated-fields-constants").attrs["data-prepopulated-fields"]
    )
    assert fields[0]["id"] == "#id_slug"
    assert fields[0]["dependency_ids"] == ["#id_title"]


def slug_help(response):
    return parse(response.content).find("div", id="id_slug_helptext").text()


def test_the_slug_help_shows_the_page_address(editor_client, make_article, site_url):
    assert "https://neutropenia.example.org/articles/your-slug/" in slug_help(
        editor_client.get(reverse("admin:articles_article_add"))
    )
    article = make_article(slug="fever")
    assert "https://neutropenia.example.org/articles/fever/" in slug_help(editor_client.get(change_url(article)))


def test_a_reviewer_who_may_only_read_opens_the_form(reviewer_client, make_article):
    assert reviewer_client.get(change_url(make_article())).status_code == 200


def test_a_browser_line_endings_leave_the_body_unchanged_and_unlogged(editor_client, make_article):
    causes = make_article(title="Causes")
    article = make_article(title="Fever", body="## Fever\n\nCall 111.\n")
    form = open_form(editor_client, article)
    as_sent = form["body"][0].replace("\n", "\r\n").rstrip()  # what a browser posts: CRLF, no final newline
    assert save(editor_client, article, body=as_sent, related=[str(causes.pk)]).status_code == 302
    working = working_version(article)
    assert working.field_dict["body"] == "## Fever\n\nCall 111.\n"
    assert working.revision.get_comment() == "Changed Related."


def test_a_saved_body_has_unix_line_endings_and_one_final_newline(editor_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    assert save(editor_client, article, body="## A\r\n\r\nText.\r\n\r\n\r\n").status_code == 302
    article.refresh_from_db()
    assert article.body == "## A\n\nText.\n"


def test_related_articles_are_chosen_with_a_searchable_widget(editor_client, make_article):
    article = make_article(title="Fever")
    make_article(title="Infections and fever")
    make_article(title="Food safety")
    tree = parse(editor_client.get(change_url(article)).content)
    assert tree.find("select", name="related").attrs["class"].split()[0] == "admin-autocomplete"
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "article", "field_name": "related", "term": "fever"},
    )
    assert [result["text"] for result in response.json()["results"]] == ["Fever", "Infections and fever"]


def test_an_editor_adds_an_article_and_a_version_records_who(editor_client, editor):
    form = form_fields(editor_client.get(reverse("admin:articles_article_add")))
    data = with_changes(
        form,
        title="Going home after chemotherapy",
        slug="going-home",
        summary="What to watch for at home.",
        body="## At home\n\nTake your temperature twice a day.",
        position="12",
    )
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    article = Article.objects.get(slug="going-home")
    assert article.status == Article.Status.DRAFT
    assert "Take your temperature" in article.body_html
    version = Version.objects.get_for_object(article).get()
    assert version.revision.user == editor


def test_saving_never_publishes_even_when_a_status_is_posted(editor_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    form = open_form(editor_client, article)
    assert "status" not in form
    assert editor_client.post(change_url(article), {**form, "status": ["published"]}).status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_a_second_editor_saving_a_changed_article_is_refused_and_keeps_their_text(editor_client, make_article, editor):
    article = make_article(body="## Fever\n\nFirst text.")
    second = User.objects.create_user("sam", password="x" * 20, is_staff=True)
    second.groups.set(editor.groups.all())
    client = Client()
    client.force_login(second)
    opened_by_sam = open_form(client, article)  # Sam opens the article...

    assert save(editor_client, article, body="## Fever\n\nEdith's text.").status_code == 302  # ...Edith saves first

    response = client.post(change_url(article), with_changes(opened_by_sam, body="## Fever\n\nSam's text."))
    assert response.status_code == 200
    tree = parse(response.content)
    message = tree.find("ul", class_="errorlist").text()
    assert "changed by Edith" in message
    assert "your changes have not been saved" in message
    assert tree.find("textarea", name="merged-0").raw_text().strip() == "## Fever\n\nSam's text."
    assert "Edith's text." in working_version(article).field_dict["body"]


def test_saving_twice_from_a_fresh_form_is_not_refused(editor_client, make_article):
    article = make_article()
    assert save(editor_client, article, summary="One.").status_code == 302
    assert save(editor_client, article, summary="Two.").status_code == 302
    assert working_version(article).field_dict["summary"] == "Two."


def test_a_form_without_the_opened_version_is_refused(editor_client, make_article):
    article = make_article()
    form = open_form(editor_client, article)
    del form["opened_version"]
    response = editor_client.post(change_url(article), with_changes(form, summary="Sneaky."))
    assert response.status_code == 200
    assert working_version(article) is None


def test_view_on_site_opens_the_article_even_as_a_draft(editor_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    tree = parse(editor_client.get(change_url(article)).content)
    link = tree.find("a", class_="viewsitelink").attrs["href"]
    response = editor_client.get(link)
    assert response.status_code == 302
    assert response["Location"].endswith(article.get_absolute_url())
    page = editor_client.get(article.get_absolute_url())
    assert page.status_code == 200


def test_the_change_form_shows_the_reading_level_and_flags_long_sentences(editor_client, make_article):
    long_sentence = (
        "Neutropenia is a condition in which the number of neutrophils, a kind of white blood cell that "
        "fights bacterial infections, in the blood is lower than the usual range for a healthy adult."
    )
    article = make_article(body=f"## What it is\n\nIt is a low count. {long_sentence}")
    tree = parse(editor_client.get(change_url(article)).content)
    panel = tree.find("dl", class_="plain-language")
    rows = {row.find("dt").text(): row.find("dd").text() for row in panel.find_all("div")}
    assert rows["Reading age"].endswith("years")
    assert float(rows["Reading grade (Flesch-Kincaid)"]) > 5
    assert rows["Sentences over 20 words"] == "1 of 3"
    assert [item.text() for item in tree.find("ol", class_="long-sentences").find_all("li")] == [long_sentence]


def test_the_reading_level_follows_the_text_being_typed(editor_client):
    typed = "## Fever\n\n" + " ".join(["word"] * 25) + ". Call us."
    tree = parse(editor_client.post(reverse("editor_reading_level"), {"content": typed}).content)
    rows = {
        row.find("dt").text(): row.find("dd").text() for row in tree.find("dl", class_="plain-language").find_all("div")
    }
    assert rows["Sentences over 20 words"] == "1 of 3"
    assert len(tree.find("ol", class_="long-sentences").find_all("li")) == 1


def test_the_reading_level_endpoint_is_for_editors_only(client):
    assert client.post(reverse("editor_reading_level"), {"content": "Hello."}).status_code == 403


def test_a_new_article_asks_for_a_body_before_showing_a_reading_level(editor_client):
    tree = parse(editor_client.get(reverse("admin:articles_article_add")).content)
    panel = tree.find("div", class_="plain-language-panel")
    assert panel.attrs["data-reading-level-url"] == reverse("editor_reading_level")
    assert panel.text() == "Start writing the body to see its reading level."


def test_editors_cannot_delete_articles(editor_client, make_article):
    article = make_article()
    assert editor_client.get(reverse("admin:articles_article_delete", args=[article.pk])).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_anonymous_visitors_are_sent_to_the_admin_login(client, make_article):
    response = client.get(change_url(make_article()))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_submitting_an_undescribed_image_is_refused_and_keeps_the_text(editor_client, make_article):
    article = make_article(body="## Start\n\nText.")
    body = "## Start\n\n![Describe the image for someone who cannot see it](/media/images/a-10x10.png)\n"
    form = with_changes(open_form(editor_client, article), body=body)
    response = editor_client.post(change_url(article), {**form, "_submit_for_review": "Submit"}, follow=True)
    message = parse(response.content).find("ul", class_="messagelist").text()
    assert "Describe every image before this page goes to patients" in message
    assert "/media/images/a-10x10.png" in message
    assert working_version(article).field_dict["body"].strip() == body.strip()  # the text is kept
    assert not article.review_requests.exists()


def test_a_described_image_may_be_submitted(editor_client, make_article):
    article = make_article(body="## Start\n\nText.")
    described = "![A thermometer reading 38.2 degrees](/media/images/a-10x10.png)\n"
    form = with_changes(open_form(editor_client, article), body=described)
    assert editor_client.post(change_url(article), {**form, "_submit_for_review": "Submit"}).status_code == 302
    assert article.review_requests.get().version.field_dict["body"] == described


def test_the_body_is_edited_at_the_desk(editor_client, make_article):
    # The browser tests (tests/browser/test_desk.py) try it; this is what the page gives the browser.
    tree = parse(editor_client.get(change_url(make_article())).content)
    desk = tree.find("div", class_="desk")
    assert desk.find("textarea", name="body").attrs["id"] == "id_body"
    assert desk.find("textarea", name="body").attrs["lang"] == "en-gb"  # the preview's language too
    assert [tab.text() for tab in desk.find("div", role="tablist").find_all("button", role="tab")] == [
        "Write",
        "Preview",
    ]
    frame = desk.find("iframe", class_="desk-preview-frame")
    assert frame.attrs["title"] == "Preview of the body as patients will see it"
    assert '<link rel="stylesheet" href="/static/css/site.css">' in frame.attrs["srcdoc"]
    assert '<div class="article-body"></div>' in frame.attrs["srcdoc"]
    assert desk.find("button", class_="desk-add-image").text() == "Add image"
    assert desk.find("input", type="file").attrs["accept"] == "image/png,image/jpeg,image/webp"
    dialog = desk.find("dialog")
    assert dialog.find("label", for_="id_body-alt").text() == "Description (alt text)"
    assert dialog.find("input", type="checkbox", id="id_body-decorative")
