"""Going live at a chosen time (publish_scheduled) and withdrawal after an expiry date."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from signoff.models import Approval
from tests.pages import parse, save_article

pytestmark = pytest.mark.django_db


def publish_scheduled():
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()


def local_input(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def test_an_approval_with_a_go_live_time_waits_for_it(
    editor_client, reviewer_client, public, make_article, submit, approve
):
    article = make_article(title="Diet", body="## Food\n\nOld advice.")
    submit(editor_client, article, body="## Food\n\nNew advice.")
    go_live = timezone.now() + datetime.timedelta(hours=2)
    assert approve(reviewer_client, article, go_live_at=local_input(go_live)).status_code == 302
    public.get(article.get_absolute_url())  # kept in the page cache
    assert publish_scheduled() == "Nothing to publish or withdraw.\n"
    assert "Old advice." in public.get(article.get_absolute_url()).content.decode()
    rows = parse(editor_client.get(reverse("admin:articles_article_changelist") + "?state=scheduled").content)
    assert [row.find("th").text() for row in rows.find("table", id="result_list").find("tbody").find_all("tr")] == [
        "Diet"
    ]

    Approval.objects.update(go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert publish_scheduled() == f"Published Diet ({article.get_absolute_url()})\n"
    assert "New advice." in public.get(article.get_absolute_url()).content.decode()
    assert publish_scheduled() == "Nothing to publish or withdraw.\n"


def test_an_expired_article_is_404_to_the_public_and_listed_for_editors(editor_client, public, make_article):
    article = make_article(title="Old campaign")
    assert public.get(article.get_absolute_url()).status_code == 200
    # The expiry applies straight away: withdrawing a page brings nothing new to patients.
    soon = timezone.localtime() + datetime.timedelta(minutes=5)
    response = save_article(editor_client, article, expires_at_0=f"{soon:%d/%m/%Y}", expires_at_1=f"{soon:%H:%M:%S}")
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).expires_at is not None

    Article.objects.filter(pk=article.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert public.get(article.get_absolute_url()).status_code == 404  # even before the command runs
    assert publish_scheduled() == f"Withdrawn (expired) Old campaign ({article.get_absolute_url()})\n"
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT
    assert public.get(article.get_absolute_url()).status_code == 404
    assert public.get("/sitemap.xml").content.count(b"/articles/") == 0
    rows = parse(editor_client.get(reverse("admin:articles_article_changelist") + "?state=expired").content)
    assert [row.find("th").text() for row in rows.find("table", id="result_list").find("tbody").find_all("tr")] == [
        "Old campaign"
    ]
