"""Review dates in view on each article, in the NHS's words."""

import datetime

import pytest

pytestmark = pytest.mark.django_db


def review_rows(tree):
    dates = tree.find("dl", class_="review-dates")
    return {row.find("dt").text(): row.find("dd") for row in dates.find_all("div")}


def test_article_shows_when_it_was_last_reviewed_and_when_it_is_next_due(page, make_article):
    article = make_article(
        last_reviewed=datetime.date(2026, 11, 1), next_review=datetime.date(2027, 5, 9), reviewer="Oncology nurse"
    )
    rows = review_rows(page(article.get_absolute_url()))
    assert list(rows) == ["Page last reviewed", "Reviewed by", "Next review due"]
    assert rows["Page last reviewed"].text() == "1 November 2026"
    assert rows["Page last reviewed"].find("time").attrs["datetime"] == "2026-11-01"
    assert rows["Next review due"].text() == "9 May 2027"
    assert rows["Next review due"].find("time").attrs["datetime"] == "2027-05-09"
    assert rows["Reviewed by"].text() == "Oncology nurse"


def test_only_the_dates_an_article_has_are_shown(page, make_article):
    article = make_article(last_reviewed=datetime.date(2026, 11, 1), next_review=None, reviewer="")
    assert list(review_rows(page(article.get_absolute_url()))) == ["Page last reviewed"]


def test_an_article_never_reviewed_shows_no_empty_review_box(page, make_article):
    tree = page(make_article(last_reviewed=None, next_review=None).get_absolute_url())
    assert tree.find_all("dl", class_="review-dates") == []
