"""Render an article's Markdown to safe HTML.

One function serves the public pages and the editor's live preview, so what an editor previews is
exactly what a patient sees. The Markdown is converted first, then the HTML is cleaned with nh3
against a short allowlist: scripts, event handlers, styles, frames, forms and `javascript:` links never
survive. Headings get stable ids from their text, so `## Treatment options` can be linked to as
`#treatment-options`, and each `##` section gets a "link to this section" anchor beside its heading.
Given the glossary's terms, the first use of each term in the body links to its glossary entry.
"""

import re
from dataclasses import dataclass, field
from html import escape, unescape
from html.parser import HTMLParser

import markdown
import nh3
from django.utils.translation import gettext
from markdown.extensions.toc import slugify

from articles.markdown_extensions import GlossaryTerm, GuideExtension

ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "br", "hr",
    "ul", "ol", "li", "dl", "dt", "dd",
    "strong", "em", "b", "i", "code", "pre", "blockquote", "sup", "sub", "abbr",
    "a", "img", "div", "span",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "th": {"align", "scope"},
    "td": {"align"},
    "ol": {"start"},
}

ALLOWED_CLASSES = {
    "div": {"care-card"},
    "p": {"care-card-heading"},
    "span": {"visually-hidden"},
    "a": {"glossary-link"},
}

ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# nh3 writes every kept h2 as `<h2 id="...">` or `<h2>`: id is the one attribute it allows on h2.
SANITISED_H2 = re.compile(r'<h2 id="(?P<id>[^"]*)">(?P<inner>.*?)</h2>', re.DOTALL)
# The ids the site's own templates give their elements (tests/articles/test_section_links.py checks the
# list against templates/ and the apps' templates): a heading whose id would be one of them gets "-section"
# added, so every id on a page stays unique and the layout's skip link still lands on the main content.
LAYOUT_IDS = frozenset({
    "answer", "change-history", "checker-heading", "compare-versions", "content-main", "count-form",
    "error-summary-title", "fever-card-form", "fever-card-heading", "guide-heading",
    "handout-fever-card-heading", "handout-form", "lab-range-hint", "main-content", "merge-form", "notes-heading",
    "page-contents-heading", "page-feedback", "page-feedback-heading", "preview-links-form", "recent-changes",
    "related-heading", "result-articles-heading", "result-heading", "results-heading", "search-terms-heading",
    "signoff-form", "signoff-heading", "site-search-q", "sources-heading", "topics-heading",
    "unit-question-heading", "waiting-for-review",
})  # fmt: skip
# The ids templates build from values: care cards' headings and form fields' hints and errors.
LAYOUT_ID_PATTERN = re.compile(r"care-card-.*-heading|id_.*")
# What an uploaded image's Markdown says until the editor describes the image.
IMAGE_DESCRIPTION_PROMPT = "Describe the image for someone who cannot see it"
# What the editor's "decorative image" choice writes right after an image with an empty description, to
# say the emptiness is meant (the image adds nothing to the words). It renders to nothing.
DECORATIVE_MARK = "<!-- decorative -->"
DECORATIVE_IMAGE = re.compile(r"!\[\s*\]\([^)]*\)" + re.escape(DECORATIVE_MARK))


# Tags after which the plain text gets a line break, so words of separate blocks never run together.
BLOCK_TAGS = ALLOWED_TAGS - {"strong", "em", "b", "i", "code", "sup", "sub", "abbr", "a", "img"}


@dataclass(frozen=True)
class Rendered:
    """Safe HTML of a body, its `##` sections as (id, title) pairs in page order, and its plain text."""

    html: str
    sections: list[tuple[str, str]] = field(default_factory=list)
    text: str = ""


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


class _ImageCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            attributes = dict(attrs)
            self.images.append((attributes.get("src") or "", attributes.get("alt") or ""))


def _converter(glossary=()) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[
            GuideExtension(glossary),
            "markdown.extensions.tables",
            "markdown.extensions.sane_lists",
            "markdown.extensions.fenced_code",
            "markdown.extensions.toc",
        ],
        extension_configs={
            "markdown.extensions.tables": {"use_align_attribute": True},
            "markdown.extensions.toc": {"slugify": section_id},
        },
        output_format="html",
    )


def section_id(heading: str, separator: str) -> str:
    """The id of a heading: its words in lower case joined by `separator`, never one of the layout's ids."""
    slug = slugify(heading, separator)
    if slug in LAYOUT_IDS or LAYOUT_ID_PATTERN.fullmatch(slug):
        return f"{slug}{separator}section"
    return slug


def sanitise(html: str) -> str:
    """Return `html` with everything outside the allowlist removed (tags, attributes, URL schemes)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def plain_text(html: str) -> str:
    """Return the words of `html` without markup: one line per block, spaces tidied, entities decoded."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).splitlines())
    return "\n".join(line for line in lines if line)


def link_sections(html: str, sections: list[tuple[str, str]]) -> str:
    """Put a "link to this section" anchor after each `##` heading of sanitised `html` that is a section.

    The heading and its anchor share a `div.section-heading`; the anchor's accessible name is "Link to
    section: <title>", in the current language. Runs after sanitising, so the allowlist stays as strict as it is: the added markup
    is built here from the section ids and titles, both escaped, never taken from the author's HTML.
    """
    titles = dict(sections)
    link_name = gettext("Link to section: %(title)s")

    def add_link(match: re.Match) -> str:
        section_id = unescape(match["id"])
        if section_id not in titles:
            return match[0]
        return (
            f'<div class="section-heading">{match[0]}'
            f'<a class="section-link" href="#{escape(section_id)}">'
            f'<span class="visually-hidden">{escape(link_name % {"title": titles[section_id]})}</span>'
            f'<span class="section-link-mark" aria-hidden="true">#</span></a></div>'
        )

    return SANITISED_H2.sub(add_link, html)


def render(text: str, glossary: tuple[GlossaryTerm, ...] | list[GlossaryTerm] = ()) -> Rendered:
    """Convert Markdown `text` to sanitised HTML, with section links and the first use of each `glossary`
    term linked to its entry; list its `##` sections; give its plain text."""
    converter = _converter(glossary)
    html = sanitise(converter.convert(text or ""))
    sections = [
        (token["id"], unescape(token["name"])) for token in _flatten(converter.toc_tokens) if token["level"] == 2
    ]
    return Rendered(html=link_sections(html, sections), sections=sections, text=plain_text(html))


def undescribed_images(text: str) -> list[str]:
    """Return the addresses of the images in Markdown `text` whose description (alt text) is empty or
    still the upload's prompt, in page order: a screen reader would have nothing true to say of them.
    An image marked decorative (DECORATIVE_MARK) is meant to have no description, so it is not listed."""
    collector = _ImageCollector()
    collector.feed(render(DECORATIVE_IMAGE.sub("", text or "")).html)
    collector.close()
    return [src for src, alt in collector.images if describes_nothing(alt)]


def describes_nothing(alt: str) -> bool:
    """Whether an image's description (alt text) is empty or still the upload's prompt."""
    return not alt.strip() or alt.strip() == IMAGE_DESCRIPTION_PROMPT


def render_html(text: str) -> str:
    """Convert Markdown `text` to sanitised HTML (the markdownx preview's function)."""
    return render(text).html


def _flatten(tokens):
    for token in tokens:
        yield token
        yield from _flatten(token["children"])
