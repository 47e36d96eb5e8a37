"""How the tests read what the site serves, as a browser would: the one helpers module of the tests.

- `parse(html)`: a small HTML tree (standard library parser), so tests ask for elements, not substrings;
- `form_fields(response)`: a form's fields as a browser would submit them, for the admin's forms;
- `public_pages()` and `open_page()`: every public page a reader can reach, in each state worth checking
  (the guide, search, the 404 page, the count checker with each kind of answer, the glossary, the
  feedback question's states, the fever card and the handouts, and those in Spanish), for the
  accessibility, reflow and HTML-validity tests. A page is a path to fetch, or a form on it posted with `answer`.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.urls import reverse
from django.utils import translation

from articles.models import Article
from handouts.codes import OPENING, Pick, encode, section_key

# The HTML tree


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


# The admin's forms, as a browser submits them


def form_fields(response, form_id="article_form"):
    """Return {name: [values]} of the form `form_id` in `response`: inputs, textareas and selected options."""
    form = parse(response.content).find("form", id=form_id)
    fields = {}
    for element in form.iter():
        name = element.attrs.get("name")
        if not name or "disabled" in element.attrs:
            continue
        if element.tag == "input":
            kind = element.attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                continue
            if kind in {"checkbox", "radio"} and "checked" not in element.attrs:
                continue
            default = "on" if kind in {"checkbox", "radio"} else ""
            fields.setdefault(name, []).append(element.attrs.get("value", default))
        elif element.tag == "textarea":
            # A browser drops the one newline that follows <textarea>; Django writes one there.
            fields.setdefault(name, []).append(element.raw_text().removeprefix("\r\n").removeprefix("\n"))
        elif element.tag == "select":
            chosen = [
                option.attrs.get("value", option.text())
                for option in element.find_all("option")
                if "selected" in option.attrs
            ]
            if "multiple" not in element.attrs and not chosen:
                options = element.find_all("option")
                chosen = [options[0].attrs.get("value", "")] if options else []
            fields[name] = chosen
    return fields


def with_changes(fields, **changes):
    """`fields` with some values replaced (a list for a multiple choice, else one value)."""
    updated = dict(fields)
    for name, value in changes.items():
        updated[name] = value if isinstance(value, list) else [value]
    return updated


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def save_article(client, article, **changes):
    """Open `article`'s change form as `client`, change some fields, press Save; return the response."""
    form = form_fields(client.get(change_url(article)))
    return client.post(change_url(article), with_changes(form, **changes))


# Every public page

CHECKER = "/neutrophil-count/"
# A phone's screen in CSS pixels: the width WCAG 1.4.10 (Reflow) asks pages to work at.
PHONE = {"width": 320, "height": 640}

# Form fields by name, as the checker posts them: one entry per kind of page the checker answers with.
CHECKER_ANSWERS = {
    "normal answer": {"unit": "cells_per_ul", "anc": "3200"},
    "severe answer": {"unit": "cells_per_ul", "anc": "300"},
    "emergency answer": {"unit": "cells_per_ul", "anc": "400", "temperature": "38.5"},
    "worked-out answer": {"unit": "x10e9_per_l", "wbc": "4.5", "neutrophils_pct": "40", "bands_pct": "2"},
    "high answer": {"unit": "cells_per_ul", "anc": "9000"},
    "lab range answer": {"unit": "x10e9_per_l", "anc": "1.75", "lab_lower_limit": "1.8", "lab_upper_limit": "7.5"},
    "baby with fever": {"unit": "cells_per_ul", "anc": "3000", "age_group": "young_infant", "temperature": "38.5"},
    "unit question": {"unit": "cells_per_ul", "anc": "1.2"},
    "unit question with cards": {"unit": "cells_per_ul", "anc": "0.3", "temperature": "39"},
    "field errors": {"unit": "cells_per_ul", "anc": "lots", "temperature": "hot"},
    "field errors with cards": {"unit": "cells_per_ul", "feels_unwell": "on"},
    "nothing chosen": {},
}


FEVER_CARD = "/fever-card/"
FEVER_CARD_ANSWERS = {
    "fever card answer": {"care_team_number": "0161 496 0713", "treatment_centre_number": "0161 496 0999"},
    "fever card errors": {"care_team_number": "call Jo", "treatment_centre_number": "12"},
}


@dataclass(frozen=True)
class SitePage:
    name: str
    path: str
    answer: dict | None = None  # the form's fields to post, or None to just fetch `path`
    status: int = 200  # of the page shown: the form's answer when there is one
    form: str = "#count-form"  # the form `answer` fills in, on the page at `path`
    action: str = ""  # where that form posts, when not to `path`


def public_pages():
    """Every public page of the imported guide (call with the articles in the database)."""
    articles = Article.objects.published().in_guide_order()
    return [
        SitePage("home", reverse("articles:home")),
        *(SitePage(f"article {article.slug}", article.get_absolute_url()) for article in articles),
        SitePage("search form", reverse("articles:search")),
        SitePage("search with results", reverse("articles:search") + "?q=fever"),
        SitePage("search without results", reverse("articles:search") + "?q=xylophone"),
        SitePage("search error", reverse("articles:search") + "?q=%21%21%21"),
        SitePage("checker", CHECKER),
        *(SitePage(f"checker {name}", CHECKER, answer) for name, answer in CHECKER_ANSWERS.items()),
        SitePage("404 page", "/no-such-page/", status=404),
        *feedback_pages(),
        SitePage("glossary", reverse("glossary:index")),
        SitePage("fever card", FEVER_CARD),
        *(SitePage(name, FEVER_CARD, answer, form="#fever-card-form") for name, answer in FEVER_CARD_ANSWERS.items()),
        SitePage("handout builder", reverse("handouts:builder")),
        SitePage("handout builder errors", reverse("handouts:builder") + "?nothing=ticked"),
        SitePage("handout", reverse("handouts:handout", args=[sample_handout_code(articles)])),
        SitePage("handout not found", reverse("handouts:handout", args=["zzzz"]), status=404),
        *spanish_pages(),
    ]


def spanish_pages():
    """The Spanish pages, under /es/, that do not need a Spanish article: the home page, search, the 404
    page, the glossary, the feedback question's states (on the checker's page), the fever card and the
    handout builder. (The Spanish articles are in public_pages() with the others, once imported.)"""
    with translation.override("es"):
        search = reverse("articles:search")
        checker = reverse("checker:neutrophil_count")
        fever_card = reverse("handouts:fever_card")
        builder = reverse("handouts:builder")
        return [
            SitePage("Spanish home", reverse("articles:home")),
            SitePage("Spanish search form", search),
            SitePage("Spanish search without results", search + "?q=xilófono"),
            SitePage("Spanish search error", search + "?q=%21%21%21"),
            SitePage("Spanish 404 page", "/es/no-such-page/", status=404),
            SitePage("Spanish glossary", reverse("glossary:index")),
            *feedback_pages(checker, "No decía cómo tomar la temperatura.", named="Spanish "),
            SitePage("Spanish fever card", fever_card),
            *(
                SitePage(f"Spanish {name}", fever_card, answer, form="#fever-card-form")
                for name, answer in FEVER_CARD_ANSWERS.items()
            ),
            SitePage("Spanish handout builder", builder),
            SitePage("Spanish handout not found", reverse("handouts:handout", args=["zzzz"]), status=404),
        ]


def feedback_pages(page=None, comment="It did not say how to take a temperature.", named=""):
    """The states of the "Is this page useful?" question after a post without JavaScript, and its error page
    (for the comment `comment`), on `page` (by default the fever article), each name starting `named`."""
    page = page or reverse("articles:detail", args=["fever"])
    return [
        SitePage(f"{named}feedback thanks", page + "?feedback=thanks"),
        SitePage(f"{named}feedback comment box", page + "?feedback=a-token"),
        SitePage(f"{named}feedback comment sent", page + "?feedback=sent"),
        SitePage(
            f"{named}feedback not sent",
            page + "?feedback=expired-token",
            {"page": page, "token": "expired-token", "comment": comment},
            status=400,
            form=".page-feedback-comment",
            action=reverse("feedback:send"),
        ),
    ]


def sample_handout_code(articles):
    """A handout of the first article whole and the second one's opening and first section, reversed."""
    first, second = articles[0], articles[1]
    return encode([Pick(second.pk, (OPENING, section_key(second.sections[0][0]))), Pick(first.pk, ())])


def open_page(tab, site_page):
    """Show `site_page` in the Playwright page `tab`: fetch it, or post its form with its answer.

    The form is sent as it would be without JavaScript (HTMLFormElement.submit() skips the page's own
    submit handlers), so the page shown is the server's answer.
    """
    response = tab.goto(site_page.path)
    if site_page.answer is None:
        assert response.status == site_page.status, f"{site_page.name}: {site_page.path} answered {response.status}"
        return
    form = tab.locator(site_page.form)
    for name, value in site_page.answer.items():
        field = form.locator(f"[name='{name}']")
        kind = field.first.get_attribute("type")
        if kind == "radio":
            form.locator(f"[name='{name}'][value='{value}']").check()
        elif kind == "checkbox":
            field.check()
        elif kind == "hidden":
            field.evaluate("(input, value) => { input.value = value; }", value)
        else:
            field.fill(value)
    with tab.expect_navigation() as navigation:
        form.evaluate("form => form.submit()")
    status = navigation.value.status
    assert status == site_page.status, f"{site_page.name}: the answer to the form was {status}"


def log_in_to_admin(tab, username, password):
    """Log in to the admin in the Playwright page `tab` through its login form, and wait for its index."""
    tab.goto("/admin/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(password)
    tab.get_by_role("button", name="Log in").click()
    tab.get_by_role("heading", name="Site administration").wait_for()
