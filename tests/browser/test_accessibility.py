"""axe-core (bundled by axe-playwright-python, so it runs offline) finds no WCAG 2.2 A/AA or best-practice
violation on any public page, in the light and the dark colour scheme."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.site_pages import open_page, public_pages

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}

axe = Axe()


def described(violations):
    """One line per failing element: the rule, its help text and where it failed."""
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {node['target']}"
        for violation in violations
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_has_an_axe_violation(guide, tab, scheme):
    tab.emulate_media(color_scheme=scheme)
    found = []
    for site_page in public_pages():
        open_page(tab, site_page)
        violations = axe.run(tab, options=AXE_OPTIONS).response["violations"]
        found.extend(f"{site_page.name}: {line}" for line in described(violations))
    assert not found, f"axe found {len(found)} problems in the {scheme} scheme:\n" + "\n".join(found)
