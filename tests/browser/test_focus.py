"""WCAG 2.4.7 Focus Visible: everything reached with the Tab key shows where the focus is, and a focused
link's text stays readable on the focus colour (axe checks colours only in the unfocused state)."""

import pytest
from playwright.sync_api import expect

from tests.pages import CHECKER, CHECKER_ANSWERS, SitePage, open_page

# What the focused element is, whether the stylesheet draws a focus indicator on it (an outline of at least
# 2px that is not transparent, or a box shadow), and the lowest contrast between the colour of its text
# (its own and its children's) and the background it has while focused.
FOCUS_STYLE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2
        && style.outlineColor !== "rgba(0, 0, 0, 0)";
    const rgb = (colour) => colour.match(/[0-9.]+/g).map(Number);
    const luminance = (colour) => {
        const [r, g, b] = rgb(colour).slice(0, 3).map((c) => {
            c /= 255;
            return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a, b) => {
        const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (light + 0.05) / (dark + 0.05);
    };
    const background = style.backgroundColor;
    const opaque = rgb(background).length === 3 || rgb(background)[3] === 1;
    const texts = [element, ...element.querySelectorAll("*")].filter((e) => e.textContent.trim());
    const label = element.id || element.getAttribute("href") || element.getAttribute("name") || "";
    return {
        element: element === document.body ? null : `${element.tagName.toLowerCase()} ${label}`.trim(),
        visible: outline || style.boxShadow !== "none",
        contrast: opaque && texts.length
            ? Math.min(...texts.map((e) => contrast(getComputedStyle(e).color, background))) : null,
    };
}"""

PAGES = [
    SitePage("home", "/"),
    SitePage("article", "/articles/fever/"),
    SitePage("checker with errors", CHECKER, CHECKER_ANSWERS["field errors"]),
    SitePage("checker answer", CHECKER, CHECKER_ANSWERS["emergency answer"]),
    SitePage("checker unit question", CHECKER, CHECKER_ANSWERS["unit question with cards"]),
]


def focus_stops(tab, limit=200):
    """Press Tab from the top of the page until the focus leaves it; return each stop's FOCUS_STYLE."""
    tab.evaluate("document.activeElement && document.activeElement.blur()")
    tab.evaluate("window.scrollTo(0, 0)")
    stops = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        stop = tab.evaluate(FOCUS_STYLE)
        if stop["element"] is None or stop in stops[:1]:
            break
        stops.append(stop)
    return stops


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("site_page", PAGES, ids=lambda site_page: site_page.name)
def test_every_focus_stop_shows_a_readable_focus_indicator(guide, tab, site_page, scheme):
    tab.emulate_media(color_scheme=scheme)
    open_page(tab, site_page)
    stops = focus_stops(tab)
    assert len(stops) > 5
    hidden = [stop["element"] for stop in stops if not stop["visible"]]
    assert not hidden, f"Focused with no visible indicator on {site_page.name}: {hidden}"
    faint = [
        f"{stop['element']} ({stop['contrast']:.1f}:1)"
        for stop in stops
        if stop["contrast"] is not None and stop["contrast"] < 4.5
    ]
    assert not faint, f"Focused text below 4.5:1 contrast on {site_page.name}: {faint}"


def test_the_skip_link_is_the_first_stop_and_moves_the_focus_to_the_content(guide, tab):
    tab.goto("/articles/fever/")
    tab.keyboard.press("Tab")
    skip_link = tab.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    tab.keyboard.press("Enter")
    expect(tab.locator("main")).to_be_focused()
    tab.keyboard.press("Tab")
    expect(tab.locator("main .breadcrumbs a").first).to_be_focused()
