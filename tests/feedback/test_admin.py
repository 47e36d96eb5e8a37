"""What editors see of the feedback in the admin: counts per article over 90 days, and the comment queue."""

from datetime import timedelta

import pytest
from django.utils import timezone

from feedback.models import Feedback
from tests.pages import parse

pytestmark = pytest.mark.django_db


def answer(article, answer, days_ago=0, comment=""):
    return Feedback.objects.create(
        page=article.get_absolute_url(),
        article=article,
        answer=answer,
        comment=comment,
        date=timezone.localdate() - timedelta(days=days_ago),
    )


def test_the_article_list_counts_the_answers_of_the_last_90_days(editor_client, fever):
    answer(fever, "useful")
    answer(fever, "useful", days_ago=89)
    answer(fever, "not_useful", days_ago=3)
    answer(fever, "not_useful", days_ago=91)
    page = parse(editor_client.get("/admin/feedback/articlefeedback/").content)
    row = page.find("tbody").find_all("tr")[0]
    assert [cell.text() for cell in row.find_all("td")] == ["Fever", "2", "1"]


def test_a_comment_is_shown_to_staff_as_plain_text(editor_client, fever):
    answer(fever, "not_useful", comment='<script>alert("x")</script> <b>bold</b>')
    html = editor_client.get("/admin/feedback/comment/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "<b>bold</b>" not in html


def test_an_editor_marks_comments_as_handled(editor_client, fever):
    waiting = answer(fever, "not_useful", comment="Say what G-CSF is.")
    answer(fever, "not_useful")  # no comment: not in the queue
    page = parse(editor_client.get("/admin/feedback/comment/").content)
    assert len(page.find("tbody").find_all("tr")) == 1
    response = editor_client.post(
        "/admin/feedback/comment/",
        {"action": "mark_handled", "_selected_action": [waiting.pk]},
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.handled is True


def test_editors_cannot_edit_what_a_visitor_wrote(editor_client, fever):
    waiting = answer(fever, "not_useful", comment="Original words.")
    editor_client.post(f"/admin/feedback/comment/{waiting.pk}/change/", {"comment": "Changed", "handled": "on"})
    waiting.refresh_from_db()
    assert (waiting.comment, waiting.handled) == ("Original words.", True)
