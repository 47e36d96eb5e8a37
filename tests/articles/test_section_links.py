"""Links to single sections of an article, which clinicians paste into letters."""

import pytest

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
