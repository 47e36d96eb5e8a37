"""The guide's own Markdown extension: what turns an article's Markdown into the site's page parts.

`#` headings become `##` (the title is the page's only h1), a blockquote that opens with a bold line
becomes an NHS-style care card (its hidden words in the current language: Article.render_body renders in
the article's), uploaded images get their width and height, and the first use of each
glossary term links to its entry. `articles.markdown` runs it, then sanitises what it made.
"""

import re
from dataclasses import dataclass
from xml.etree import ElementTree

import markdown
from django.utils.translation import gettext
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from articles.image_names import image_size_from_name


def care_card_label() -> str:
    """What screen readers read out before a care card's heading, in the current language: its urgency."""
    return gettext("Immediate action required:") + " "


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
            label.text = care_card_label()
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
