"""The language switcher in a real browser: from an article to its translation and back, and from an article
not yet translated to the other language's home page."""

from playwright.sync_api import expect

from articles.models import Article


def test_the_switcher_leads_from_an_article_to_its_translation_and_back(guide, tab):
    english = Article.objects.get(language="en-gb", slug="fever")
    spanish = Article.objects.get(language="es", translation_of=english)
    tab.goto(english.get_absolute_url())
    tab.locator("nav.language-switcher").get_by_role("link", name="Español").click()
    expect(tab.locator("h1")).to_have_text(spanish.title)
    expect(tab.locator("html")).to_have_attribute("lang", "es")
    assert tab.url.endswith(f"/es/articles/{spanish.slug}/")
    tab.locator("nav.language-switcher").get_by_role("link", name="English").click()
    expect(tab.locator("h1")).to_have_text(english.title)
    assert tab.url.endswith("/articles/fever/")


def test_the_switcher_of_an_untranslated_article_leads_to_the_other_languages_home(guide, tab):
    Article.objects.filter(language="es", translation_of__slug="fever").delete()
    tab.goto("/articles/fever/")
    tab.locator("nav.language-switcher").get_by_role("link", name="Español").click()
    expect(tab.locator("html")).to_have_attribute("lang", "es")
    assert tab.url.endswith("/es/")
