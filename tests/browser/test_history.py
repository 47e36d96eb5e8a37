"""An article's history in a real browser: the compare page wraps long lines instead of scrolling sideways,
and the compare and recent-changes pages have no axe violation, in the light and the dark colour scheme."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect
from reversion.models import Version

from articles.models import Article
from signoff.versions import record
from tests.browser.axe_checks import AXE_OPTIONS, axe, described
from tests.pages import log_in_to_admin

PASSWORD = "a long editor password for the history pages"
LONG_LINE = "Wash your hands with soap and warm water before you eat, " * 12


@pytest.fixture
def two_versions(transactional_db):
    """An article with two saved versions, a long line changed between them; the compare page's address."""
    call_command("setup_roles", verbosity=0)
    editor = User.objects.create_user("edith", password=PASSWORD, is_staff=True, first_name="Edith")
    editor.groups.add(Group.objects.get(name="Editors"))
    article = Article.objects.create(title="Food", slug="food", summary="Eating safely.", body="## Food\n\nOld.\n")
    first = record(article, [], editor, "First")
    article.body = f"## Food\n\n{LONG_LINE}\n"
    second = record(article, [], editor, "Second")
    assert Version.objects.count() == 2
    return reverse("admin:articles_article_compare_versions", args=[article.pk]) + f"?old={first.pk}&new={second.pk}"


def log_in(tab):
    log_in_to_admin(tab, "edith", PASSWORD)


def test_the_compare_page_wraps_long_lines(two_versions, tab):
    tab.set_viewport_size({"width": 800, "height": 600})
    log_in(tab)
    tab.goto(two_versions)
    added, removed = tab.locator("pre.article-diff ins").first, tab.locator("pre.article-diff del").first
    expect(added).to_contain_text("Wash your hands")
    one_line = removed.bounding_box()["height"]  # "- Old."
    assert added.bounding_box()["height"] > 3 * one_line  # the long line runs on over several lines
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    diff = tab.locator("pre.article-diff").last
    assert diff.evaluate("(box) => box.scrollWidth <= box.clientWidth")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_compare_and_recent_changes_pages_have_no_axe_violation(two_versions, tab, scheme):
    tab.emulate_media(color_scheme=scheme)
    log_in(tab)
    found = []
    for address in (two_versions, reverse("admin:articles_article_recent_changes")):
        tab.goto(address)
        expect(tab.locator("#content-main")).to_be_visible()
        found += [f"{address}: {line}" for line in described(axe.run(tab, options=AXE_OPTIONS).response["violations"])]
    assert found == []
