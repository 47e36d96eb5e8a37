"""An editor's session in a real browser: log in, edit an article with the live preview, save, see it live."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article

PASSWORD = "a long editor password for the browser"


@pytest.fixture
def browser_editor(transactional_db):
    call_command("setup_roles", verbosity=0)
    user = User.objects.create_user("edith", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def log_in(tab):
    tab.goto("/admin/")
    tab.get_by_label("Username").fill("edith")
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Log in").click()
    expect(tab.get_by_role("heading", name="Site administration")).to_be_visible()


def test_an_editor_edits_with_the_live_preview_and_the_public_page_changes(guide, browser_editor, tab):
    article = Article.objects.get(slug="overview")
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    log_in(tab)

    tab.get_by_role("link", name="Articles", exact=True).click()
    tab.get_by_role("link", name=article.title, exact=True).click()
    body = tab.locator("textarea#id_body")
    expect(body).to_be_visible()

    body.press("Control+End")
    body.press_sequentially("\n\n## Checked in a browser\n\nA **new** paragraph typed by an editor.")
    preview = tab.locator(".markdownx-preview")
    expect(preview.locator("h2#checked-in-a-browser")).to_have_text("Checked in a browser")
    expect(preview.locator("strong", has_text="new")).to_be_visible()

    tab.get_by_role("button", name="Save", exact=True).click()
    expect(tab.locator(".messagelist .success")).to_contain_text("was changed successfully")

    tab.goto(article.get_absolute_url())
    expect(tab.locator(".article-body h2#checked-in-a-browser")).to_be_visible()
    expect(tab.locator(".article-body")).to_contain_text(re.compile(r"A new paragraph typed by an editor\."))
    assert errors == []
