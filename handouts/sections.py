"""An article's stored HTML cut into the parts a handout can hold: the opening and each `##` section.

Works on the HTML that articles/markdown.py writes, where each section starts with its
`<div class="section-heading">` (the heading and its "link to this section" anchor).
"""

import re

from handouts.codes import OPENING, section_key

SECTION_START = re.compile(r'(?=<div class="section-heading"><h2 id="([^"]*)">)')
SECTION_LINK = re.compile(r'<a class="section-link" href="#[^"]*">.*?</a>', re.DOTALL)
HEADING_ID = re.compile(r'(<h[2-4]) id="[^"]*"')


def parts(body_html: str) -> dict[str, str]:
    """The article's parts by key, in page order: OPENING (if the body has text before its first section),
    then each section under section_key(its id)."""
    pieces = SECTION_START.split(body_html)
    found = {OPENING: pieces[0]} if pieces[0].strip() else {}
    # split() with one group gives [opening, id, section, id, section, ...]
    for section_id, html in zip(pieces[1::2], pieces[2::2], strict=True):
        found[section_key(section_id)] = html
    return found


def for_print(html: str) -> str:
    """`html` without its "link to this section" anchors and heading ids, which would repeat when
    several articles share one page."""
    return HEADING_ID.sub(r"\1", SECTION_LINK.sub("", html))
