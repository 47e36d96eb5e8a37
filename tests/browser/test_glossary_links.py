"""Glossary links in Chromium: reached and followed by keyboard, they open the term's entry, marked as the
target; they look like links, told apart by a dotted underline."""

from playwright.sync_api import expect


def test_a_glossary_link_is_reached_by_tab_and_opens_its_entry(guide, tab, live_server):
    tab.goto("/articles/fever/")
    first = tab.locator(".article-body a.glossary-link").first
    target = first.get_attribute("href")
    for _ in range(200):  # Tab until the first glossary link has the focus
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.classList.contains('glossary-link')"):
            break
    else:
        raise AssertionError("Tab never reached a glossary link")
    assert tab.evaluate("document.activeElement.getAttribute('href')") == target
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"**{target}")
    entry = tab.locator(target.split("/glossary/")[1])
    expect(entry).to_be_in_viewport()
    assert entry.evaluate("element => element.matches(':target')")
    assert entry.evaluate("element => getComputedStyle(element).borderLeftColor") != "rgba(0, 0, 0, 0)"


def test_a_glossary_link_is_underlined_dotted_in_the_link_colour(guide, tab):
    tab.goto("/articles/fever/")
    link = tab.locator(".article-body a.glossary-link").first
    style = link.evaluate("a => [getComputedStyle(a).textDecorationLine, getComputedStyle(a).textDecorationStyle]")
    assert style == ["underline", "dotted"]
