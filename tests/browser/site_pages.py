"""Every public page a reader can reach, in each state worth checking, for the accessibility, reflow and
HTML-validity tests: the guide, search, the 404 page, the count checker with each kind of answer, the
glossary, the feedback question's states, the fever card and the handouts.

A page is a path to fetch, or a form on it posted with `answer` (the checker's by default).
"""

from dataclasses import dataclass

from django.urls import reverse

from articles.models import Article
from handouts.codes import OPENING, Pick, encode, section_key

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
    ]


def feedback_pages():
    """The states of the "Is this page useful?" question after a post without JavaScript, and its error page."""
    fever = reverse("articles:detail", args=["fever"])
    return [
        SitePage("feedback thanks", fever + "?feedback=thanks"),
        SitePage("feedback comment box", fever + "?feedback=a-token"),
        SitePage("feedback comment sent", fever + "?feedback=sent"),
        SitePage(
            "feedback not sent",
            fever + "?feedback=expired-token",
            {"page": fever, "token": "expired-token", "comment": "It did not say how to take a temperature."},
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
