"""The Content-Security-Policy in a real browser: the admin and the markdownx editor work under it, and
nothing on their pages or the public pages is refused."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from signoff.workflow import working_version

PASSWORD = "a-long-editor-password-42"


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
    assert watched_tab.csp_violations() == []


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
    assert signed_in.csp_violations() == []


def test_the_markdownx_editor_previews_under_the_policy(signed_in):
    article = Article.objects.create(
        title="Fever", slug="fever", summary="S.", body="## Start\n\nText.", status=Article.Status.PUBLISHED
    )
    signed_in.goto(f"/admin/articles/article/{article.pk}/change/")
    # The preview of the stored body arrives by fetch from this site as the page opens, into the desk's
    # frame (no address of its own: the admin's policy applies in it).
    preview = signed_in.frame_locator("iframe.desk-preview-frame")
    expect(preview.locator("h2")).to_have_text("Start")
    editor = signed_in.locator("textarea.markdownx-editor")
    editor.fill("## Preview heading\n\nSome **bold** words.\n\n<script>alert(1)</script>")
    expect(preview.locator("h2")).to_have_text("Preview heading")
    assert preview.locator("strong").inner_text() == "bold"
    assert preview.locator("script").count() == 0
    signed_in.click("input[name=_save]")
    signed_in.wait_for_url("**/admin/articles/article/")
    assert signed_in.csp_violations() == []
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
    assert watched_tab.csp_violations()
