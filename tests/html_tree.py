"""A small HTML tree built with the standard library's parser, so tests can ask for elements, not substrings."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)  # Elements and strings, in order
    parent: "Element | None" = field(default=None, repr=False)

    def iter(self):
        """Yield this element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag=None, **attrs):
        """Return the elements with this tag (any tag if None) whose attributes hold these values.

        `class_="x"` matches an element with class x among its classes; other keywords match exactly
        (underscores stand for hyphens, `aria_current="page"`; a trailing one is dropped, `for_="id"`).
        """
        found = []
        for element in self.iter():
            if tag is not None and element.tag != tag:
                continue
            if all(_attr_matches(element, name, value) for name, value in attrs.items()):
                found.append(element)
        return found

    def find(self, tag=None, **attrs):
        """Return the one element that find_all finds; fail if there are none or several."""
        found = self.find_all(tag, **attrs)
        assert len(found) == 1, f"expected one <{tag}> with {attrs}, found {len(found)}"
        return found[0]

    def text(self):
        """The element's text, whitespace runs collapsed to single spaces."""
        return " ".join(self.raw_text().split())

    def raw_text(self):
        return "".join(child if isinstance(child, str) else child.raw_text() for child in self.children)

    def meta(self, key):
        """The content of the one <meta> whose name or property is `key`."""
        found = [m for m in self.find_all("meta") if key in (m.attrs.get("name"), m.attrs.get("property"))]
        assert len(found) == 1, f"expected one <meta> {key}, found {len(found)}"
        return found[0].attrs["content"]


def _attr_matches(element, name, value):
    if name == "class_":
        return value in element.attrs.get("class", "").split()
    return element.attrs.get(name.rstrip("_").replace("_", "-")) == value


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value if value is not None else "" for name, value in attrs}, parent=self.current)
        self.current.children.append(element)
        if tag not in VOID_ELEMENTS:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.current = self.current.parent

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html):
    """Return the document root of `html` (bytes or text)."""
    if isinstance(html, bytes):
        html = html.decode()
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root
