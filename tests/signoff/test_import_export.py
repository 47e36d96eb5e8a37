"""Approvals travel with export_articles / import_articles; an import never invents one."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.models import Article
from signoff.models import Approval
from tests.pages import parse

pytestmark = pytest.mark.django_db


def review_line(client, article):
    return parse(client.get(article.get_absolute_url()).content).find("p", class_="review-dates").text()


NOT_CHECKED = {
    "en-gb": "This page has not yet been checked by a clinician.",
    "es": "Ningún profesional de la salud ha revisado todavía esta página.",
}


def test_the_bundled_guide_claims_no_review(public):
    call_command("import_articles", stdout=StringIO())
    assert not Approval.objects.exists()
    assert {article.language for article in Article.objects.all()} == set(NOT_CHECKED)
    for article in Article.objects.all():
        assert review_line(public, article) == NOT_CHECKED[article.language]


def test_an_approval_is_exported_and_imported_with_who_role_and_date(
    tmp_path, editor_client, reviewer_client, public, make_article, submit, approve
):
    article = make_article(title="Fever", slug="fever")
    submit(editor_client, article, body="## Fever\n\nChecked text.")
    approve(reviewer_client, article)
    unchecked = make_article(title="Diet", slug="diet")
    call_command("export_articles", str(tmp_path), stdout=StringIO())
    text = (tmp_path / "fever.md").read_text()
    today = timezone.localdate()
    assert f"approved_by: Rita Reeve\napprover_role: Consultant haematologist\napproved_on: {today:%Y-%m-%d}" in text
    assert "approved_by" not in (tmp_path / "diet.md").read_text()

    line = review_line(public, article)
    Article.objects.all().delete()
    call_command("import_articles", str(tmp_path), stdout=StringIO())
    fever = Article.objects.get(slug="fever")
    assert review_line(public, fever) == line
    imported = Approval.objects.get()
    assert (imported.article, imported.imported, imported.reviewer) == (fever, True, None)
    assert review_line(public, Article.objects.get(slug=unchecked.slug)).startswith("This page has not yet been")


def test_an_update_that_changes_an_approved_text_drops_the_claim(tmp_path, public):
    (tmp_path / "fever.md").write_text(
        "---\ntitle: Fever\nslug: fever\nsummary: S.\napproved_by: Dr A\napprover_role: Nurse\napproved_on: 2026-11-01\n"
        "next_review: 2027-11-01\n---\n## Fever\n\nApproved text.\n"
    )
    call_command("import_articles", str(tmp_path), stdout=StringIO())
    fever = Article.objects.get(slug="fever")
    assert review_line(public, fever) == "Checked by Dr A, Nurse, on 1 November 2026; next check due 1 November 2027."
    (tmp_path / "fever.md").write_text(
        "---\ntitle: Fever\nslug: fever\nsummary: S.\n---\n## Fever\n\nNew unchecked text.\n"
    )
    call_command("import_articles", "--update", str(tmp_path), stdout=StringIO())
    assert review_line(public, fever) == "This page has not yet been checked by a clinician."


def test_a_hand_written_review_date_is_refused_with_the_reason(tmp_path):
    (tmp_path / "fever.md").write_text("---\ntitle: Fever\nslug: fever\nlast_reviewed: 2026-11-01\n---\nBody\n")
    with pytest.raises(CommandError, match="last_reviewed can no longer be set by hand"):
        call_command("import_articles", str(tmp_path), stdout=StringIO())
