"""axe-core (bundled by axe-playwright-python, so it runs offline) finds no WCAG 2.2 A/AA or best-practice
violation on any public page (in English and in Spanish) and on the 500 page in each language, in the light and the dark colour scheme, nor on one page of
each kind on a phone's 320 CSS pixel wide screen, nor on the checker's scale of bands as it prints."""

import pytest

from tests.browser.axe_checks import AXE_OPTIONS, axe, described
from tests.pages import PHONE, SitePage, open_page, public_pages

# One page of each kind, by its name in public_pages(). A phone lays pages out in one column, which changes
# what axe sees (target sizes, overlaps) but not the colours (site.css has no width-dependent colour), so
# each kind once, in one scheme, is enough.
PHONE_PAGES = {
    "home",
    "article blood-test",  # the guide's table
    "search with results",
    "checker",
    "checker field errors",
    "checker emergency answer",
    "checker high answer",  # the scale of bands, stacked
    "checker unit question with cards",
    "404 page",
    "Spanish home",  # Spanish runs longer than English
    "Spanish fever card answer",
}
# axe's colour checks mean something only with the site's stylesheet applied.
SITE_CSS_APPLIED = """[...document.styleSheets].some(
    (sheet) => sheet.href && sheet.href.includes("/css/site.") && sheet.cssRules.length > 0)"""
# Served by the failing view of tests/urls.py, through the site's own 500 handling, with the page's heading.
SERVER_ERRORS = [
    (SitePage("500 page", "/boom/", status=500), "Sorry, something went wrong"),
    (SitePage("Spanish 500 page", "/es/boom/", status=500), "Lo sentimos, algo salió mal"),
]


def axe_problems(tab, site_pages):
    """Open each page in `tab` and run axe on it; return one line per failing element (or page drawn without
    the site's stylesheet), named by page."""
    found = []
    for site_page in site_pages:
        open_page(tab, site_page)
        if not tab.evaluate(SITE_CSS_APPLIED):
            found.append(f"{site_page.name}: drawn without static/css/site.css")
        violations = axe.run(tab, options=AXE_OPTIONS).response["violations"]
        found.extend(f"{site_page.name}: {line}" for line in described(violations))
    return found


@pytest.fixture(params=["light", "dark"])
def scheme(request, tab):
    """Show `tab` in the light, then the dark, colour scheme; the scheme's name."""
    tab.emulate_media(color_scheme=request.param)
    return request.param


def test_no_page_has_an_axe_violation(guide, tab, scheme):
    found = axe_problems(tab, public_pages())
    assert not found, f"axe found {len(found)} problems in the {scheme} scheme:\n" + "\n".join(found)


def test_no_page_has_an_axe_violation_on_a_phone(guide, tab):
    tab.emulate_media(color_scheme="light")
    tab.set_viewport_size(PHONE)
    pages = [site_page for site_page in public_pages() if site_page.name in PHONE_PAGES]
    assert {site_page.name for site_page in pages} == PHONE_PAGES
    found = axe_problems(tab, pages)
    assert tab.evaluate("document.documentElement.clientWidth") == PHONE["width"]
    assert not found, f"axe found {len(found)} problems at 320px:\n" + "\n".join(found)


@pytest.mark.parametrize("answer", ["checker high answer", "checker lab range answer"])
def test_the_scale_of_bands_has_no_axe_violation_in_print(guide, tab, answer):
    (site_page,) = [site_page for site_page in public_pages() if site_page.name == answer]
    open_page(tab, site_page)  # the form is hidden on paper, so it is filled in on screen first
    tab.emulate_media(media="print", color_scheme="light")
    assert tab.locator("[data-scale]").is_visible()
    found = described(axe.run(tab, options=AXE_OPTIONS).response["violations"])
    assert not found, f"axe found {len(found)} problems in print:\n" + "\n".join(found)


@pytest.mark.parametrize(("server_error", "heading"), SERVER_ERRORS)
def test_the_500_page_has_no_axe_violation(transactional_db, settings, tab, scheme, server_error, heading):
    settings.ROOT_URLCONF = "tests.urls"
    found = axe_problems(tab, [server_error])
    assert tab.locator("h1").inner_text() == heading
    assert not found, f"axe found {len(found)} problems in the {scheme} scheme:\n" + "\n".join(found)
