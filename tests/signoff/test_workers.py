"""Under gunicorn with two workers, a working-copy save shows in none of them and the approval in every one
at once (the page cache is shared: Redis when REDIS_URL is set, the file cache otherwise)."""

import os

import pytest

from scripts.production_server import headings, manage, serve

pytestmark = pytest.mark.slow

# Run in a process that is neither worker, as the admin's save and approval would be.
SET_UP = """
from django.contrib.auth.models import User
from articles.models import Article
from signoff import workflow
from signoff.models import ReviewerProfile
editor = User.objects.create_user("edith", is_staff=True)
reviewer = User.objects.create_superuser("rita", first_name="Rita")
ReviewerProfile.objects.create(user=reviewer, role="Consultant haematologist")
article = Article.objects.get(slug="fever")
"""
SAVE = "article.title = 'Fever: act fast'\nworkflow.save_working_copy(article, article, [], editor, 'Retitled')\n"
APPROVE = """
from signoff import workflow
editor = User.objects.get(username="edith"); reviewer = User.objects.get(username="rita")
article = Article.objects.get(slug="fever")
workflow.approve(workflow.submit(article, editor), reviewer)
"""


@pytest.fixture(scope="module")
def two_workers():
    with serve(workers=2, redis_url=os.environ.get("REDIS_URL", "")) as server:
        yield server


def test_a_working_copy_shows_nowhere_and_its_approval_everywhere_at_once(two_workers):
    url = two_workers.url + "/articles/fever/"
    original = headings(url)
    assert len(original) == 1
    manage(two_workers.env, "shell", "--command", SET_UP + SAVE)
    assert headings(url) == original
    manage(two_workers.env, "shell", "--command", APPROVE)
    assert headings(url) == {"Fever: act fast"}
