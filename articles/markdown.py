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
from xml.etree import ElementTree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor

from articles.image_names import image_size_from_name

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
CARE_CARD_LABEL = "Immediate action required: "
# The ids the site's own templates give their elements (tests/articles/test_section_links.py checks the
# list against templates/ and the apps' templates): a heading whose id would be one of them gets "-section"
# added, so every id on a page stays unique and the layout's skip link still lands on the main content.
LAYOUT_IDS = frozenset({
    "answer", "change-history", "checker-heading", "content-main", "count-form", "error-summary-title",
    "fever-card-form", "fever-card-heading", "guide-heading", "handout-fever-card-heading", "handout-form",
    "lab-range-hint", "main-content", "notes-heading", "page-contents-heading", "page-feedback",
    "page-feedback-heading", "preview-links-form", "related-heading", "result-articles-heading", "result-heading",
    "results-heading", "search-terms-heading", "signoff-form", "signoff-heading", "site-search-q",
    "sources-heading", "topics-heading", "unit-question-heading", "waiting-for-review",
})  # fmt: skip
# The ids templates build from values: care cards' headings and form fields' hints and errors.
LAYOUT_ID_PATTERN = re.compile(r"care-card-.*-heading|id_.*")
# What an uploaded image's Markdown says until the editor describes the image.
IMAGE_DESCRIPTION_PROMPT = "Describe the image for someone who cannot see it"


class DemoteTopHeadings(Treeprocessor):
    """Turn `#` headings into `##`: the page title is the only h1, and it comes from the title field."""

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter("h1"):
            element.tag = "h2"


class CareCards(Treeprocessor):
    """Make a blockquote that opens with a bold line an urgent care card.

    `> **Get medical help now if:**` followed by bullets becomes a card whose heading tells screen
    reader users, in hidden text, that it needs immediate action (the NHS care-card pattern).
    """

    def run(self, root: ElementTree.Element) -> None:
        for quote in root.iter("blockquote"):
            first = quote[0] if len(quote) else None
            if first is None or first.tag != "p" or (first.text or "").strip() or not len(first):
                continue
            if first[0].tag != "strong":
                continue
            quote.tag = "div"
            quote.set("class", "care-card")
            first.set("class", "care-card-heading")
            label = ElementTree.Element("span", {"class": "visually-hidden"})
            label.text = CARE_CARD_LABEL
            strong = first[0]
            label.tail = strong.text
            strong.text = None
            strong.insert(0, label)


class ImageSizes(Treeprocessor):
    """Give uploaded images their width and height (written into their names on upload), so the page keeps
    its layout while they load."""

    def run(self, root: ElementTree.Element) -> None:
        for image in root.iter("img"):
            size = image_size_from_name(image.get("src", ""))
            if size and not image.get("width") and not image.get("height"):
                image.set("width", str(size[0]))
                image.set("height", str(size[1]))


@dataclass(frozen=True)
class GlossaryTerm:
    """A glossary entry as the renderer needs it: the words that name it and the address of its entry."""

    names: tuple[str, ...]
    href: str


# Where a glossary link would be wrong: headings (they are the page's outline), links (no link in a link),
# code, and care cards (urgent advice stays free of distractions).
NO_GLOSSARY_LINKS = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre"}


class GlossaryLinks(Treeprocessor):
    """Link the first use of each glossary term in the body to its entry (whole words, any case, the
    longest name first, so "febrile neutropenia" wins over "neutropenia")."""

    def __init__(self, md, glossary):
        super().__init__(md)
        by_name = {name.casefold(): term for term in glossary for name in term.names if name.strip()}
        names = sorted(by_name, key=len, reverse=True)
        self.by_name = by_name
        self.pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)", re.IGNORECASE) if names else None
        )

    def run(self, root: ElementTree.Element) -> None:
        if self.pattern is not None:
            self.linked = set()
            self.visit(root)

    def visit(self, element):
        if element.tag in NO_GLOSSARY_LINKS or "care-card" in element.get("class", "").split():
            return
        element.text, links = self.link(element.text)
        children = list(element)
        for index, link in enumerate(links):
            element.insert(index, link)
        for child in children:
            self.visit(child)
            child.tail, links = self.link(child.tail)
            position = list(element).index(child)
            for offset, link in enumerate(links, start=1):
                element.insert(position + offset, link)

    def link(self, text):
        """Split `text` at the first uses of terms not yet linked: (text before them, [<a> with tails])."""
        if not text:
            return text, []
        head, links, last = text, [], 0
        for match in self.pattern.finditer(text):
            term = self.by_name[match[0].casefold()]
            if term.href in self.linked:
                continue
            self.linked.add(term.href)
            anchor = ElementTree.Element("a", {"class": "glossary-link", "href": term.href})
            anchor.text = match[0]
            if links:
                links[-1].tail = text[last : match.start()]
            else:
                head = text[: match.start()]
            links.append(anchor)
            last = match.end()
        if links:
            links[-1].tail = text[last:]
        return head, links


class GuideExtension(Extension):
    def __init__(self, glossary=(), **kwargs):
        self.glossary = glossary
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Before the toc treeprocessor (priority 5), so demoted headings get ids and contents entries.
        md.treeprocessors.register(DemoteTopHeadings(md), "demote_top_headings", 30)
        md.treeprocessors.register(CareCards(md), "care_cards", 15)  # after inline (20): needs <strong>
        md.treeprocessors.register(ImageSizes(md), "image_sizes", 14)  # after inline (20): needs <img>
        # After the care cards (15), which it leaves alone.
        md.treeprocessors.register(GlossaryLinks(md, self.glossary), "glossary_links", 13)


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
    section: <title>". Runs after sanitising, so the allowlist stays as strict as it is: the added markup
    is built here from the section ids and titles, both escaped, never taken from the author's HTML.
    """
    titles = dict(sections)

    def add_link(match: re.Match) -> str:
        section_id = unescape(match["id"])
        if section_id not in titles:
            return match[0]
        return (
            f'<div class="section-heading">{match[0]}'
            f'<a class="section-link" href="#{escape(section_id)}">'
            f'<span class="visually-hidden">Link to section: {escape(titles[section_id])}</span>'
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
    still the upload's prompt, in page order: a screen reader would have nothing true to say of them."""
    collector = _ImageCollector()
    collector.feed(render(text).html)
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
