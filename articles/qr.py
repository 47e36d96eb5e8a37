"""QR codes of page addresses, as inline SVG for printouts.

A patient holding a printed page can scan the code to get back to it. The SVG carries its own
accessible name, and no `style` attributes, which a Content-Security-Policy without 'unsafe-inline'
styles would block.
"""

import hashlib
import re
from functools import lru_cache
from html import escape

import segno

STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)


@lru_cache(maxsize=512)
def qr_svg(url: str, label: str = "QR code of this page's address") -> str:
    """Return an `<svg>` QR code of `url`, named for assistive technology "`label`: `url`".

    The result is the same for the same `url`, so it is kept in memory: each page's code is drawn once
    per process. The SVG has a viewBox and no fixed size: the stylesheet sets how big it prints.
    """
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(border=4, omitsize=True, svgclass="qr-code", lineclass=None, dark="#000")
    svg = STYLE_ATTRIBUTE.sub("", svg)
    opening, drawing = svg.removeprefix("<svg ").split(">", 1)
    title_id = "qr-title-" + hashlib.sha256(f"{label}|{url}".encode()).hexdigest()[:10]
    return (
        f'<svg role="img" aria-labelledby="{title_id}" {opening}>'
        f'<title id="{title_id}">{escape(label)}: {escape(url)}</title>{drawing}'
    )
