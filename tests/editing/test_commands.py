"""setup_roles: the Editors and Clinical reviewers groups (review_due is tested with the sign-off)."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def editor_permissions(name="Editors"):
    group = Group.objects.get(name=name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


EXPECTED = {
    "articles.view_article",
    "articles.add_article",
    "articles.change_article",
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
    "editing.view_medicalword",
    "editing.add_medicalword",
    "editing.change_medicalword",
    "editing.delete_medicalword",
}
REVIEWERS_EXPECTED = {
    "articles.view_article",
    "articles.publish_article",
    "reversion.view_revision",
    "reversion.view_version",
    "signoff.view_approval",
    "signoff.view_reviewrequest",
}


def test_setup_roles_creates_both_groups_with_exactly_their_permissions():
    call_command("setup_roles", stdout=StringIO())
    assert editor_permissions() == EXPECTED
    assert editor_permissions("Clinical reviewers") == REVIEWERS_EXPECTED


def test_setup_roles_is_idempotent_and_repairs_the_group():
    call_command("setup_roles", stdout=StringIO())
    group = Group.objects.get(name="Editors")
    group.permissions.add(Permission.objects.get(codename="delete_article"))
    group.permissions.add(Permission.objects.get(codename="publish_article"))
    group.permissions.remove(Permission.objects.get(codename="upload_image"))
    out = StringIO()
    call_command("setup_roles", stdout=out)
    assert Group.objects.filter(name="Editors").count() == 1
    assert editor_permissions() == EXPECTED
    assert out.getvalue().startswith('Checked the "Editors" group')


def test_an_editor_may_do_what_editors_do_and_nothing_else(editor):
    editor = User.objects.get(pk=editor.pk)  # fresh: permissions are cached per user object
    for allowed in EXPECTED:
        assert editor.has_perm(allowed), allowed
    refused_permissions = ["articles.publish_article", "articles.delete_article", "auth.add_user", "auth.change_group"]
    for refused in [*refused_permissions, "reversion.delete_version"]:
        assert not editor.has_perm(refused), refused
