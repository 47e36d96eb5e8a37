"""WCAG 2.4.7 Focus Visible: everything reached with the Tab key shows where the focus is."""

import pytest

from tests.browser.site_pages import CHECKER, CHECKER_ANSWERS, SitePage, open_page

# What the focused element is and whether the stylesheet draws a focus indicator on it: an outline of at
# least 2px that is not transparent, or a box shadow.
FOCUS_STYLE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2
        && style.outlineColor !== "rgba(0, 0, 0, 0)";
    const label = element.id || element.getAttribute("href") || element.getAttribute("name") || "";
    return {
        element: element === document.body ? null : `${element.tagName.toLowerCase()} ${label}`.trim(),
        visible: outline || style.boxShadow !== "none",
    };
}"""

PAGES = [
    SitePage("home", "/"),
    SitePage("article", "/articles/fever/"),
    SitePage("checker with errors", CHECKER, CHECKER_ANSWERS["field errors"]),
    SitePage("checker answer", CHECKER, CHECKER_ANSWERS["emergency answer"]),
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
def test_every_focus_stop_shows_a_focus_indicator(guide, tab, site_page, scheme):
    tab.emulate_media(color_scheme=scheme)
    open_page(tab, site_page)
    stops = focus_stops(tab)
    assert len(stops) > 5
    hidden = [stop["element"] for stop in stops if not stop["visible"]]
    assert not hidden, f"Focused with no visible indicator on {site_page.name}: {hidden}"
