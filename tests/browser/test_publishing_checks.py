"""The checks before publishing in a real browser: the panel follows the editor's typing, under the site's
CSP, and axe finds nothing wrong with the change form while it lists problems."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article

PASSWORD = "a long editor password for the browser"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


@pytest.fixture
def editor_tab(guide, tab):
    call_command("setup_roles", verbosity=0)
    call_command("import_medical_words", verbosity=0)
    user = User.objects.create_user("edith", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    tab.goto("/admin/login/")
    tab.get_by_label("Username").fill("edith")
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Log in").click()
    expect(tab.get_by_role("heading", name="Site administration")).to_be_visible()
    return tab


def test_the_checks_panel_follows_typing_and_the_form_passes_axe(editor_tab):
    tab = editor_tab
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    article = Article.objects.get(slug="overview")
    tab.goto(f"/admin/articles/article/{article.pk}/change/")
    body = tab.locator("textarea#id_body")
    panel = tab.locator(".publishing-checks-panel")
    expect(panel).to_be_visible()
    lines = body.input_value().count("\n") + 1

    body.press("Control+End")
    body.press_sequentially("\n\n[click here](/articles/no-such-page/)")
    vague = panel.locator("li[data-kind='vague_link']")
    missing = panel.locator("li[data-kind='missing_article']")
    expect(vague).to_contain_text(f"Line {lines + 2}")
    expect(missing).to_contain_text("Stops publishing")
    expect(missing).to_contain_text("/articles/no-such-page/")

    body.press_sequentially("\n\nYou may need a haematologist.")
    expect(panel.locator("li[data-kind='medical_word']")).to_contain_text(f"Line {lines + 4}")

    # The related-articles box is the admin's vendored select2, whose markup this project does not write.
    found = Axe().run(tab, {"exclude": [[".select2-container"]]}, AXE_OPTIONS).response["violations"]
    problems = [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in found]
    assert problems == [], "\n".join(map(str, problems))

    body.fill("## Start\n\nPlain words only.")
    expect(panel.locator(".checks-clear")).to_have_text("No problems found.")
    assert errors == []
