"""axe-core as the browser tests run it (bundled by axe-playwright-python, so it runs offline): the rules
checked and one readable line per failing element."""

from axe_playwright_python.sync_playwright import Axe

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
