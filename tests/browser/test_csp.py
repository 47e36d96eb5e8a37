"""The Content-Security-Policy in a real browser: the admin and the markdownx editor work under it, and
nothing on their pages or the public pages is refused."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from signoff.workflow import working_version

PASSWORD = "a-long-editor-password-42"

# Playwright adds this before any page script runs; it is not part of the page, so the CSP does not apply.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched_tab(tab):
    """The tab, recording CSP violations (from the page's event and from console messages)."""
    tab.console_errors = []
    tab.on(
        "console",
        lambda message: (
            tab.console_errors.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    tab.add_init_script(RECORD_VIOLATIONS)
    return tab


def violations(tab):
    return tab.evaluate("window.__cspViolations") + tab.console_errors


@pytest.fixture
def signed_in(watched_tab, django_user_model, transactional_db):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    watched_tab.goto("/admin/login/")
    watched_tab.fill("#id_username", "editor")
    watched_tab.fill("#id_password", PASSWORD)
    watched_tab.click("input[type=submit]")
    watched_tab.wait_for_url("**/admin/")
    return watched_tab


def test_public_pages_run_under_the_policy_without_violations(guide, watched_tab):
    for url in ["/", "/articles/fever/", "/neutrophil-count/", "/search/?q=fever"]:
        response = watched_tab.goto(url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        watched_tab.wait_for_load_state("networkidle")
    assert violations(watched_tab) == []


def test_admin_pages_load_under_the_policy_without_violations(signed_in, django_user_model):
    user = django_user_model.objects.get(username="editor")
    for url in [
        "/admin/",
        f"/admin/auth/user/{user.pk}/change/",
        "/admin/auth/user/add/",
        "/admin/axes/accessattempt/",
    ]:
        signed_in.goto(url)
        signed_in.wait_for_load_state("networkidle")
    # The admin's own scripts ran: the change page's "show password" and the filters are script-driven.
    assert signed_in.evaluate("typeof django !== 'undefined' && typeof django.jQuery === 'function'")
    assert violations(signed_in) == []


def test_the_markdownx_editor_previews_under_the_policy(signed_in):
    article = Article.objects.create(
        title="Fever", slug="fever", summary="S.", body="## Start\n\nText.", status=Article.Status.PUBLISHED
    )
    signed_in.goto(f"/admin/articles/article/{article.pk}/change/")
    # The preview of the stored body arrives by fetch from this site as the page opens.
    expect(signed_in.locator(".markdownx-preview h2")).to_have_text("Start")
    editor = signed_in.locator("textarea.markdownx-editor")
    editor.fill("## Preview heading\n\nSome **bold** words.\n\n<script>alert(1)</script>")
    expect(signed_in.locator(".markdownx-preview h2")).to_have_text("Preview heading")
    assert signed_in.locator(".markdownx-preview strong").inner_text() == "bold"
    assert signed_in.locator(".markdownx-preview script").count() == 0
    signed_in.click("input[name=_save]")
    signed_in.wait_for_url("**/admin/articles/article/")
    assert violations(signed_in) == []
    assert "Preview heading" in working_version(article).field_dict["body_html"]  # saved, waiting for review


def test_an_inline_script_would_be_refused(guide, watched_tab):
    # The check has teeth: a script written into the page is blocked and reported.
    watched_tab.goto("/")
    watched_tab.evaluate(
        """() => { const s = document.createElement("script"); s.textContent = "window.ran = true";
        document.body.append(s); }"""
    )
    assert watched_tab.evaluate("window.ran") is None
    watched_tab.wait_for_function("window.__cspViolations.length > 0")
    assert violations(watched_tab)
