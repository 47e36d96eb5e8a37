"""Links to single sections of an article, which clinicians paste into letters."""

import re
from pathlib import Path

import pytest

from articles.markdown import render

pytestmark = pytest.mark.django_db


def test_every_section_of_an_article_page_has_a_visible_link_to_itself(page, make_article):
    article = make_article(body="## Why a fever is serious\n\nText.\n\n## What to do\n\nCall.")
    tree = page(article.get_absolute_url())
    body = tree.find("div", class_="article-body")
    links = body.find_all("a", class_="section-link")
    assert [link.attrs["href"] for link in links] == ["#why-a-fever-is-serious", "#what-to-do"]
    for link in links:
        target = tree.find(id=link.attrs["href"][1:])
        assert target.tag == "h2"
        assert link.find("span", class_="visually-hidden").text() == f"Link to section: {target.text()}"
        assert link.find("span", aria_hidden="true").text() == "#"


def template_ids():
    """Every id written literally in the site's templates and its apps' templates (the admin's change
    form shows a rendered body too)."""
    root = Path(__file__).resolve().parents[2]
    return {
        found
        for folder in [root / "templates", *root.glob("*/templates")]
        for template in folder.rglob("*.html")
        for found in re.findall(r'\bid="([^"{}]+)"', template.read_text())
    }


@pytest.mark.parametrize("layout_id", sorted(template_ids()))
def test_a_heading_never_takes_an_id_the_templates_use(layout_id):
    [(heading_id, _)] = render(f"## {layout_id.replace('-', ' ')}\n\nText.").sections
    assert heading_id == f"{layout_id}-section"


@pytest.mark.parametrize("heading", ["Care card emergency heading", "id_unit_helptext"])
def test_a_heading_never_takes_an_id_the_templates_build(heading):
    [(heading_id, _)] = render(f"## {heading}\n\nText.").sections
    assert heading_id.endswith("-section")


def test_a_main_content_heading_leaves_the_skip_link_target_unique(page, make_article):
    article = make_article(body="## Main content\n\nText.\n\n### Main content\n\nMore.")
    ids = [element.attrs["id"] for element in page(article.get_absolute_url()).iter() if "id" in element.attrs]
    assert ids.count("main-content") == 1
    assert len(ids) == len(set(ids))


def test_contents_list_links_to_the_same_section_ids(page, make_article):
    article = make_article(body="## First\n\na\n\n## Second\n\nb")
    tree = page(article.get_absolute_url())
    contents = [a.attrs["href"] for a in tree.find("nav", class_="contents").find_all("a")]
    assert contents == [a.attrs["href"] for a in tree.find_all("a", class_="section-link")]


def test_copy_script_is_a_deferred_file_with_a_live_region_to_report_to(page, make_article):
    tree = page(make_article().get_absolute_url())
    script = tree.find("script", src="/static/js/section-links.js")
    assert "defer" in script.attrs
    assert script.raw_text() == ""
    status = tree.find("p", class_="section-link-status")
    assert (status.attrs["role"], status.attrs["aria-live"]) == ("status", "polite")
