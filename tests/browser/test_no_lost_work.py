"""No lost work, in a real browser: the warning before leaving unsaved changes, the notice of another editor
(two browser contexts, two editors), and the merge page after a refused save, used by keyboard alone, under
the site's CSP and without an axe violation."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article, OldSlug
from signoff.workflow import working_version
from tests.browser.axe_checks import AXE_OPTIONS, axe, described
from tests.pages import change_url, log_in_to_admin

PASSWORD = "a long editor password for lost work"
BODY = "## Fever\n\nCall if hot.\n\n## Food\n\nEat well.\n"

# Added by Playwright before any page script runs: not part of the page, so the CSP does not apply to it.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def article(transactional_db):
    call_command("setup_roles", verbosity=0)
    for username, first_name in [("edith", "Edith"), ("sam", "Sam")]:
        user = User.objects.create_user(username, password=PASSWORD, is_staff=True, first_name=first_name)
        user.groups.add(Group.objects.get(name="Editors"))
    return Article.objects.create(
        title="Fever", slug="fever", summary="What to do.", body=BODY, status=Article.Status.PUBLISHED
    )


@pytest.fixture
def second_tab(browser, live_server):
    """Another browser context (its own cookies: another person) aimed at the live server."""
    context = browser.new_context(base_url=live_server.url)
    yield context.new_page()
    context.close()


def open_form(tab, username, article):
    log_in_to_admin(tab, username, PASSWORD)
    tab.goto(change_url(article))
    expect(tab.locator("textarea#id_body")).to_be_visible()


def test_leaving_with_unsaved_changes_warns_but_leaving_unchanged_or_saving_does_not(article, tab):
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # "stay on the page"

    tab.on("dialog", dismiss)
    open_form(tab, "edith", article)
    tab.locator("#content").click()  # the browser warns only on a page the reader has interacted with
    tab.get_by_role("link", name="Articles", exact=True).first.click()
    tab.wait_for_url("**/admin/articles/article/")
    assert dialogs == []

    tab.goto(change_url(article))
    body = tab.locator("textarea#id_body")
    body.press("Control+End")
    body.press_sequentially("\nA line not saved yet.")
    tab.get_by_role("link", name="Articles", exact=True).first.click()
    for _ in range(50):  # the dialog event arrives from the browser a moment after the click
        if dialogs:
            break
        tab.wait_for_timeout(100)
    assert dialogs == ["beforeunload"]
    expect(body).to_have_value(BODY + "\nA line not saved yet.")  # still on the form, the text still there

    tab.get_by_role("button", name="Save", exact=True).click()
    expect(tab.locator(".messagelist .success")).to_contain_text("was changed successfully")
    assert dialogs == ["beforeunload"]  # saving is never warned about
    assert "A line not saved yet." in working_version(article).field_dict["body"]


def test_two_editors_see_each_other_and_the_notice_goes_when_one_leaves(article, tab, second_tab, settings):
    settings.EDITING_PRESENCE_SECONDS = 1
    open_form(tab, "edith", article)
    notice = tab.locator(".editing-presence")
    assert notice.get_attribute("aria-live") == "polite"
    expect(notice).to_have_text("")

    open_form(second_tab, "sam", article)
    expect(second_tab.locator(".editing-presence")).to_contain_text("Edith is editing this article.")
    expect(notice).to_contain_text("Sam is editing this article.")  # refreshed while Edith's form is open

    second_tab.goto("/admin/")  # Sam leaves the form
    expect(notice).to_have_text("")


def tab_to(tab, selector, presses=80):
    """Press Tab until the element matching `selector` has the focus (keyboard alone, as a person would)."""
    for _ in range(presses):
        tab.keyboard.press("Tab")
        if tab.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_refused_save_is_merged_by_keyboard_alone_under_the_csp_without_axe_violations(article, tab, second_tab):
    console = []
    second_tab.on("console", lambda message: console.append(message.text))
    second_tab.add_init_script(RECORD_VIOLATIONS)
    open_form(second_tab, "sam", article)  # Sam opens the article first...
    open_form(tab, "edith", article)
    edith_body = tab.locator("textarea#id_body")
    edith_body.fill(BODY.replace("Call if hot.", "Call your team at once."))
    tab.get_by_role("button", name="Save", exact=True).click()  # ...Edith saves first
    expect(tab.locator(".messagelist .success")).to_be_visible()

    sam_body = second_tab.locator("textarea#id_body")
    sam_body.press("Control+End")
    sam_body.press_sequentially("\nAnd drink water.")
    second_tab.get_by_role("button", name="Save", exact=True).click()
    merge = second_tab.locator("form#merge-form")
    expect(merge).to_be_visible()
    expect(second_tab.get_by_role("alert")).to_contain_text("changed by Edith")
    expect(second_tab.get_by_role("group", name="Section: Fever (changed by them)")).to_be_visible()
    expect(second_tab.get_by_label("Keep theirs").first).to_be_checked()
    food = second_tab.get_by_role("group", name="Section: Food (changed by you)")
    expect(food.get_by_label("Keep yours")).to_be_checked()

    found = described(axe.run(second_tab, options=AXE_OPTIONS).response["violations"])
    assert found == []

    dialogs = []
    second_tab.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    second_tab.locator(".breadcrumbs").get_by_role("link", name="Fever").click()  # leaving the merge warns
    for _ in range(50):
        if dialogs:
            break
        second_tab.wait_for_timeout(100)
    assert dialogs == ["beforeunload"]
    expect(merge).to_be_visible()

    # By keyboard: type into the Food section's merged text (which chooses it), then save.
    tab_to(second_tab, "textarea[name='merged-1']")
    second_tab.keyboard.press("Control+End")
    second_tab.keyboard.type(" Every day.")
    expect(food.get_by_label("Keep the merged text:")).to_be_checked()
    tab_to(second_tab, "#merge-form input[type='submit']")
    second_tab.keyboard.press("Enter")
    expect(second_tab.locator(".messagelist .success")).to_contain_text("was changed successfully")
    expect(second_tab.locator("textarea#id_body")).to_have_value(
        "## Fever\n\nCall your team at once.\n\n## Food\n\nEat well.\n\nAnd drink water. Every day.\n"
    )
    assert dialogs == ["beforeunload"]  # saving the merge is not warned about
    saved = working_version(article)
    assert saved.revision.user.username == "sam"
    assert "Call your team at once." in saved.field_dict["body"]
    assert "And drink water. Every day." in saved.field_dict["body"]
    assert second_tab.evaluate("window.__cspViolations") == []
    assert [text for text in console if "Content Security Policy" in text or "Refused to" in text] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_link_update_page_has_no_axe_violation(article, tab, scheme):
    OldSlug.objects.create(slug="high-temperature", article=article)
    Article.objects.create(
        title="Food", slug="food", summary="Eating.", body="## Eat\n\nSee [fever](/articles/high-temperature/).\n"
    )
    tab.emulate_media(color_scheme=scheme)
    log_in_to_admin(tab, "edith", PASSWORD)
    tab.goto(reverse("admin:articles_article_update_links", args=[article.pk]))
    expect(tab.get_by_role("heading", name="Food")).to_be_visible()
    assert described(axe.run(tab, options=AXE_OPTIONS).response["violations"]) == []
