"""review_due (a scheduler's alert) and setup_roles (the Editors group)."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.models import Article

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def review_due():
    out = StringIO()
    call_command("review_due", stdout=out)
    return out.getvalue()


def test_review_due_says_so_when_nothing_is_overdue(make_article):
    make_article(next_review=TODAY)  # due today has not passed yet
    make_article(next_review=None)
    assert review_due() == "No article is overdue for review.\n"


def test_review_due_lists_overdue_articles_and_fails_with_status_1(make_article):
    make_article(title="Fever", slug="fever", next_review=TODAY - datetime.timedelta(days=10))
    make_article(title="Diet", slug="diet", next_review=TODAY - datetime.timedelta(days=1), status=Article.Status.DRAFT)
    make_article(title="Fine", slug="fine", next_review=TODAY + datetime.timedelta(days=1))
    out = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("review_due", stdout=out)
    assert failure.value.returncode == 1
    assert str(failure.value) == "2 article(s) overdue for review."
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert "10 day(s) overdue" in lines[0]
    assert "Fever (/articles/fever/)" in lines[0]
    assert "Draft" in lines[1]
    assert "Diet" in lines[1]


def editor_permissions():
    group = Group.objects.get(name="Editors")
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


EXPECTED = {
    "articles.view_article",
    "articles.add_article",
    "articles.change_article",
    "articles.publish_article",
    "articles.upload_image",
    "reversion.view_revision",
    "reversion.view_version",
    "feedback.view_feedback",
    "feedback.view_comment",
    "feedback.change_comment",
    "feedback.view_articlefeedback",
    "glossary.view_term",
    "glossary.add_term",
    "glossary.change_term",
    "glossary.delete_term",
}


def test_setup_roles_creates_the_editors_group_with_exactly_its_permissions():
    call_command("setup_roles", stdout=StringIO())
    assert editor_permissions() == EXPECTED


def test_setup_roles_is_idempotent_and_repairs_the_group():
    call_command("setup_roles", stdout=StringIO())
    group = Group.objects.get(name="Editors")
    group.permissions.add(Permission.objects.get(codename="delete_article"))
    group.permissions.remove(Permission.objects.get(codename="publish_article"))
    out = StringIO()
    call_command("setup_roles", stdout=out)
    assert Group.objects.filter(name="Editors").count() == 1
    assert editor_permissions() == EXPECTED
    assert out.getvalue().startswith('Checked the "Editors" group')


def test_an_editor_may_do_what_editors_do_and_nothing_else(editor):
    editor = User.objects.get(pk=editor.pk)  # fresh: permissions are cached per user object
    for allowed in EXPECTED:
        assert editor.has_perm(allowed), allowed
    for refused in ["articles.delete_article", "auth.add_user", "auth.change_group", "reversion.delete_version"]:
        assert not editor.has_perm(refused), refused
