"""An editor's session in a real browser: log in, edit an article with the live preview, save, and read the
working copy at the article's address (tests/browser/test_signoff.py takes it through review to patients;
tests/browser/test_desk.py tries the desk's layout and images)."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article
from glossary.models import Term
from tests.pages import log_in_to_admin

PASSWORD = "a long editor password for the browser"


@pytest.fixture
def browser_editor(transactional_db):
    call_command("setup_roles", verbosity=0)
    user = User.objects.create_user("edith", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def log_in(tab):
    log_in_to_admin(tab, "edith", PASSWORD)


def open_article(tab, article):
    tab.get_by_role("link", name="Articles", exact=True).click()
    tab.get_by_role("link", name=article.title, exact=True).click()
    expect(tab.locator("textarea#id_body")).to_be_visible()


def test_an_editor_edits_with_the_live_preview_and_reads_the_working_copy(guide, browser_editor, tab):
    article = Article.objects.get(slug="overview")
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    log_in(tab)

    open_article(tab, article)
    body = tab.locator("textarea#id_body")

    body.press("Control+End")
    body.press_sequentially("\n\n## Checked in a browser\n\nA **new** paragraph typed by an editor.")
    preview = tab.frame_locator("iframe.desk-preview-frame")
    expect(preview.locator("h2#checked-in-a-browser")).to_have_text("Checked in a browser")
    expect(preview.locator("strong", has_text="new")).to_be_visible()

    long_sentence = "This sentence goes on and on with many small words so that it is far too long for a reader who is tired and unwell today."
    body.press_sequentially(" " + long_sentence)
    expect(tab.locator(".plain-language-panel .long-sentences li").last).to_have_text(long_sentence)

    tab.get_by_role("button", name="Save", exact=True).click()
    expect(tab.locator(".messagelist .success")).to_contain_text("was changed successfully")

    tab.goto(article.get_absolute_url())
    expect(tab.locator(".draft-banner")).to_contain_text("Not live")
    expect(tab.locator(".article-body h2#checked-in-a-browser")).to_be_visible()
    expect(tab.locator(".article-body")).to_contain_text(re.compile(r"A new paragraph typed by an editor\."))
    expect(tab.locator(".article-body")).to_contain_text(long_sentence)
    assert errors == []


def test_choosing_spanish_measures_the_text_with_inflesz_and_previews_with_the_spanish_glossary(
    guide, browser_editor, tab
):
    Term.objects.get_or_create(  # the bundled Spanish glossary has it once the Spanish articles are imported
        language="es", anchor="sepsis", defaults={"term": "Sepsis", "definition": "Una reacción muy grave."}
    )
    article = Article.objects.get(slug="overview")
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    log_in(tab)
    open_article(tab, article)
    expect(tab.locator(".plain-language-panel")).to_contain_text("Reading age")

    tab.locator("select#id_language").select_option("es")
    panel = tab.locator(".plain-language-panel")
    expect(panel).to_contain_text("Reading ease (INFLESZ, for Spanish)")
    expect(panel).to_contain_text("65 or above (bastante fácil)")
    body = tab.locator("textarea#id_body")
    body.fill("## Fiebre\n\nLa sepsis es grave. Llame ya.")
    body.press("End")
    body.press_sequentially(" No espere.")
    preview = tab.frame_locator("iframe.desk-preview-frame")
    expect(preview.locator(".article-body")).to_contain_text("No espere.")
    expect(preview.locator("a.glossary-link")).to_have_attribute("href", "/es/glossary/#sepsis")
    expect(panel.locator("dl.plain-language")).to_contain_text("0 of 4")  # the heading and three sentences

    tab.locator("select#id_language").select_option("en-gb")
    expect(panel).to_contain_text("Reading age")
    assert errors == []
