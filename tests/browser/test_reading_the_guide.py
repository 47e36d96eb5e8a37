"""Reading the guide in a real browser: from the home page through every article in guide order, and
every link an article offers (related articles, links in the text) leads to a page, never a 404."""

from urllib.parse import urldefrag

import pytest
from playwright.sync_api import expect

from articles.models import Article

# Each language's guide: its home page and its articles.
GUIDES = pytest.mark.parametrize(("home", "language"), [("/", "en-gb"), ("/es/", "es")])


def guide_titles(language):
    articles = Article.objects.published().filter(language=language)
    return list(articles.in_guide_order().values_list("title", flat=True))


@GUIDES
def test_the_home_page_lists_every_article_in_guide_order(guide, tab, home, language):
    tab.goto(home)
    listed = tab.locator("main .article-list > li > a").all_inner_texts()
    assert listed == guide_titles(language)


@GUIDES
def test_next_links_lead_from_the_home_page_through_every_article(guide, tab, home, language):
    first, *others = guide_titles(language)
    tab.goto(home)
    tab.locator("main .article-list a").first.click()
    expect(tab.locator("h1")).to_have_text(first)
    for title in others:
        tab.locator(".pager a[rel=next]").click()
        expect(tab.locator("h1")).to_have_text(title)
    expect(tab.locator(".pager a[rel=next]")).to_have_count(0)
    expect(tab.locator(".pager a[rel=prev]")).to_have_count(1)


def test_each_related_article_link_opens_that_article(guide, tab):
    followed = 0
    for article in Article.objects.published().in_guide_order():
        tab.goto(article.get_absolute_url())
        related = tab.locator("nav.related a")
        titles = related.all_inner_texts()
        assert titles, f"{article.slug} lists no related articles"
        for number, title in enumerate(titles):
            if number:
                tab.goto(article.get_absolute_url())
            tab.locator("nav.related").get_by_role("link", name=title, exact=True).click()
            expect(tab.locator("h1")).to_have_text(title)
            followed += 1
    assert followed >= Article.objects.published().count()


def test_every_link_on_every_article_leads_to_a_page(guide, tab, live_server):
    checked, broken = set(), []
    for article in Article.objects.published().in_guide_order():
        tab.goto(article.get_absolute_url())
        hrefs = tab.locator("main a[href]").evaluate_all("links => links.map(link => link.href)")
        for href in hrefs:
            address, _ = urldefrag(href)
            if not address.startswith(live_server.url) or address in checked:
                continue
            checked.add(address)
            status = tab.request.get(address).status
            if status != 200:
                broken.append(f"{article.slug} links to {address}: {status}")
    assert len(checked) > Article.objects.published().count()
    assert not broken, "\n".join(broken)


def test_a_section_link_copies_the_sections_address_and_says_so(guide, browser, live_server):
    context = browser.new_context(base_url=live_server.url, permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto("/articles/fever/")
    link = tab.locator(".article-body a.section-link").first
    address = f"{live_server.url}/articles/fever/{link.get_attribute('href')}"
    link.click()
    expect(tab.locator(".section-link-status")).to_contain_text(f"copied: {address}")
    assert tab.evaluate("navigator.clipboard.readText()") == address
    context.close()
