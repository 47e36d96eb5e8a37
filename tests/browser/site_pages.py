"""Every public page a reader can reach, in each state worth checking, for the accessibility, reflow and
HTML-validity tests: the guide, search, the 404 page and the count checker with each kind of answer.

A page is a path to fetch, or the checker posted with one of `CHECKER_ANSWERS`.
"""

from dataclasses import dataclass

from django.urls import reverse

from articles.models import Article

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


@dataclass(frozen=True)
class SitePage:
    name: str
    path: str
    answer: dict | None = None  # the checker's fields to post, or None to just fetch `path`
    status: int = 200


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
    ]


def open_page(tab, site_page):
    """Show `site_page` in the Playwright page `tab`: fetch it, or post the checker's form with its answer."""
    response = tab.goto(site_page.path)
    assert response.status == site_page.status, f"{site_page.name}: {site_page.path} answered {response.status}"
    if site_page.answer is None:
        return
    for name, value in site_page.answer.items():
        field = tab.locator(f"#count-form [name='{name}']")
        kind = field.first.get_attribute("type")
        if kind == "radio":
            tab.locator(f"#count-form [name='{name}'][value='{value}']").check()
        elif kind == "checkbox":
            field.check()
        else:
            field.fill(value)
    with tab.expect_navigation():
        tab.locator("#count-form button[type=submit]").click()
