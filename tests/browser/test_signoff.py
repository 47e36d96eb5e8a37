"""Clinical sign-off in a real browser: an editor submits a change, a clinical reviewer approves it, and only
then do patients see it, with who checked it."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article
from signoff.models import ReviewerProfile
from tests.pages import log_in_to_admin

PASSWORD = "a long password for the browser test"
NEW_TEXT = "Wash your hands before every meal, checked in a browser."


@pytest.fixture
def people(transactional_db):
    call_command("setup_roles", verbosity=0)
    editor = User.objects.create_user("edith", password=PASSWORD, is_staff=True, first_name="Edith")
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewer = User.objects.create_user("rita", password=PASSWORD, is_staff=True, first_name="Rita", last_name="Reeve")
    reviewer.groups.add(Group.objects.get(name="Clinical reviewers"))
    ReviewerProfile.objects.create(user=reviewer, role="Consultant haematologist")


def log_in(tab, username):
    log_in_to_admin(tab, username, PASSWORD)


def test_an_editor_submits_and_a_reviewer_approves(guide, people, browser, live_server):
    article = Article.objects.get(slug="precautions")
    contexts = [browser.new_context(base_url=live_server.url) for _ in range(3)]
    editor, reviewer, patient = (context.new_page() for context in contexts)
    errors = []
    for tab in (editor, reviewer):
        tab.on("pageerror", lambda error: errors.append(str(error)))

    log_in(editor, "edith")
    editor.goto(f"/admin/articles/article/{article.pk}/change/")
    body = editor.locator("textarea#id_body")
    body.press("Control+End")
    body.press_sequentially(f"\n\n{NEW_TEXT}")
    editor.get_by_role("button", name="Submit for clinical review").click()
    expect(editor.locator(".messagelist .success")).to_contain_text("sent to the clinical reviewers")
    expect(editor.locator("#signoff-heading")).to_have_text("Clinical sign-off: Changes waiting for review")
    expect(editor.get_by_role("link", name="Approve and publish")).to_have_count(0)

    patient.goto(article.get_absolute_url())
    expect(patient.locator(".article-body")).not_to_contain_text(NEW_TEXT)
    expect(patient.locator(".review-dates")).to_have_text("This page has not yet been checked by a clinician.")

    log_in(reviewer, "rita")
    waiting = reviewer.locator("#waiting-for-review")
    expect(waiting).to_contain_text("Waiting for your review")
    waiting.get_by_role("link", name=article.title).click()
    expect(reviewer.locator("pre.article-diff ins", has_text=NEW_TEXT)).to_be_visible()
    reviewer.get_by_role("button", name="Approve and publish").click()
    expect(reviewer.locator(".messagelist .success")).to_contain_text("Approved and published")

    patient.reload()
    expect(patient.locator(".article-body")).to_contain_text(NEW_TEXT)
    expect(patient.locator(".review-dates")).to_contain_text("Checked by Rita Reeve, Consultant haematologist, on ")
    for context in contexts:
        context.close()
    assert errors == []
