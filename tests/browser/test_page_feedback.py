"""'Is this page useful?' in Chromium: with JavaScript it answers without a reload, and opens the comment
box after a No; without JavaScript the plain form post comes back to the page with a thank-you."""

import re

from playwright.sync_api import expect

from feedback.models import Feedback

YES = re.compile(r"^Yes\s+this page is useful$")
NO = re.compile(r"^No\s+this page is not useful$")


def test_with_javascript_a_no_and_a_comment_are_sent_without_a_reload(guide, tab, live_server):
    tab.goto("/articles/fever/")
    tab.evaluate("window.__samePage = true")
    box = tab.locator("#page-feedback")
    box.get_by_role("button", name=NO).click()
    expect(box.locator(".page-feedback-status")).to_have_text("Thank you for your feedback.")
    comment = box.get_by_role("textbox", name=re.compile("What was wrong or missing?"))
    expect(comment).to_be_focused()
    expect(box.locator(".page-feedback-answer")).to_be_hidden()
    comment.fill("It does not say where to buy a thermometer.")
    box.get_by_role("button", name="Send").click()
    expect(box.locator(".page-feedback-status")).to_have_text(
        "Thank you. Your comment has been sent to the team that writes this guide."
    )
    expect(box.locator(".page-feedback-comment")).to_be_hidden()
    assert tab.evaluate("window.__samePage") is True  # no reload
    assert tab.url == f"{live_server.url}/articles/fever/"
    saved = Feedback.objects.get()
    assert (saved.page, saved.answer, saved.comment) == (
        "/articles/fever/",
        "not_useful",
        "It does not say where to buy a thermometer.",
    )


def test_without_javascript_an_answer_comes_back_to_the_page_with_a_thank_you(guide, browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/neutrophil-count/")
    cookies = {(cookie["name"], cookie["value"]) for cookie in context.cookies()}  # the checker's form token
    tab.get_by_role("button", name=YES).click()
    tab.wait_for_url("**/neutrophil-count/?feedback=thanks#page-feedback")
    expect(tab.locator(".page-feedback-status")).to_have_text("Thank you for your feedback.")
    assert Feedback.objects.get().page == "/neutrophil-count/"
    assert {(cookie["name"], cookie["value"]) for cookie in context.cookies()} == cookies  # feedback set none
    context.close()


def test_without_javascript_a_no_opens_the_comment_box_on_the_page(guide, browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/articles/precautions/")
    tab.get_by_role("button", name=NO).click()
    tab.wait_for_url(re.compile(r"/articles/precautions/\?feedback=.+#page-feedback"))
    tab.get_by_role("textbox", name=re.compile("What was wrong or missing?")).fill("Too long.")
    tab.get_by_role("button", name="Send").click()
    tab.wait_for_url("**/articles/precautions/?feedback=sent#page-feedback")
    expect(tab.locator(".page-feedback-status")).to_have_text(
        "Thank you. Your comment has been sent to the team that writes this guide."
    )
    expect(tab.locator(".page-feedback-comment")).to_be_hidden()
    assert Feedback.objects.get().comment == "Too long."
    context.close()


def test_on_a_spanish_page_the_script_answers_in_spanish(guide, tab):
    tab.goto("/es/neutrophil-count/")
    box = tab.locator("#page-feedback")
    box.get_by_role("button", name=re.compile(r"^No\s+esta página no me sirve$")).click()
    expect(box.locator(".page-feedback-status")).to_have_text("Gracias por su opinión.")
    box.get_by_role("textbox", name=re.compile("¿Qué estaba mal o qué faltaba?")).fill("Faltaba el teléfono.")
    tab.context.set_offline(True)
    box.get_by_role("button", name="Enviar").click()
    expect(box.locator(".page-feedback-status")).to_have_text(
        "No se pudo enviar su opinión. Revise su conexión e inténtelo de nuevo."
    )
    assert Feedback.objects.get().comment == ""
