"""Each article says who checked it and when it is next due, only from a recorded clinical approval."""

import datetime

import pytest

from articles.models import Article

pytestmark = pytest.mark.django_db

NEXT = datetime.date(2099, 5, 9)


def test_an_approved_article_names_who_checked_it_their_role_and_the_dates(page, approved_article):
    article = approved_article(NEXT)
    approved_on = article.approvals.get().approved_on
    line = page(article.get_absolute_url()).find("p", class_="review-dates")
    assert line.text() == (
        f"Checked by Rita Reeve, Specialist nurse, on {approved_on:%-d %B %Y}; next check due 9 May 2099."
    )
    assert [time.attrs["datetime"] for time in line.find_all("time")] == [f"{approved_on:%Y-%m-%d}", "2099-05-09"]


def test_an_article_without_an_approval_says_plainly_it_is_not_checked_yet(page, make_article):
    tree = page(make_article().get_absolute_url())
    assert tree.find("p", class_="review-dates").text() == "This page has not yet been checked by a clinician."
    assert tree.find_all("meta", name="robots") == []  # still published and indexed


def test_a_text_changed_after_its_approval_is_not_shown_as_checked(page, approved_article):
    article = approved_article(NEXT)
    Article.objects.filter(pk=article.pk).update(body="## Changed\n\nBehind the approval's back.")
    line = page(article.get_absolute_url()).find("p", class_="review-dates")
    assert line.text() == "This page has not yet been checked by a clinician."
