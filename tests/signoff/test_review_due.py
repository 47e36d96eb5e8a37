"""review_due lists the live articles whose clinical check is due or missing; --email sends it to the reviewers."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.models import Article

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def review_due(*args):
    out = StringIO()
    call_command("review_due", *args, stdout=out)
    return out.getvalue()


def test_nothing_due_in_the_next_30_days_passes(approved_article):
    approved_article(TODAY + datetime.timedelta(days=31), title="Fever")
    assert review_due() == "No article is due for review in the next 30 days.\n"


def test_due_overdue_and_never_checked_pages_are_listed_and_fail(approved_article, make_article):
    approved_article(TODAY - datetime.timedelta(days=10), title="Fever")
    approved_article(TODAY + datetime.timedelta(days=5), title="Diet")
    make_article(title="Causes", slug="causes")
    make_article(title="A draft", status=Article.Status.DRAFT)
    out = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("review_due", stdout=out)
    assert failure.value.returncode == 1
    assert str(failure.value) == "2 article(s) overdue for review or never checked."
    lines = out.getvalue().splitlines()
    assert [line.split()[-2] for line in lines] == ["Causes", "Fever", "Diet"]
    assert lines[0].startswith("never checked")
    assert "10 day(s) overdue" in lines[1]
    assert "due in 5 day(s)" in lines[2]


def test_an_approval_of_an_older_text_does_not_count(approved_article):
    article = approved_article(TODAY + datetime.timedelta(days=300), title="Fever")
    Article.objects.filter(pk=article.pk).update(body="## Changed\n\nBehind the approval's back.")
    with pytest.raises(CommandError):
        review_due()


def test_email_goes_to_each_reviewer_with_an_address(approved_article, reviewer):
    approved_article(TODAY + datetime.timedelta(days=3), title="Fever")
    User.objects.create_user("quiet", is_staff=True)  # no reviewer role: gets nothing
    output = review_due("--email")
    assert output.endswith("Emailed 1 clinical reviewer(s).\n")
    (message,) = mail.outbox
    assert message.to == ["rita@example.org"]
    assert message.subject == "Guide pages due for clinical review"
    assert "Fever (/articles/article-1/)" in message.body
    assert "due in 3 day(s)" in message.body
