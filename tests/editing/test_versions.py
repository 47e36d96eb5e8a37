"""Every save keeps a version; editors see, compare and restore versions in the admin."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, OldSlug
from signoff.workflow import working_version
from tests.pages import form_fields, parse, save_article

pytestmark = pytest.mark.django_db


def save(client, article, **changes):
    response = save_article(client, article, **changes)
    assert response.status_code == 302
    article.refresh_from_db()


def versions(article):
    return list(Version.objects.get_for_object(article).select_related("revision__user"))


def history_rows(client, article):
    tree = parse(client.get(reverse("admin:articles_article_history", args=[article.pk])).content)
    return tree.find("table", id="change-history").find("tbody").find_all("tr")


def test_every_admin_save_keeps_a_version_with_who_and_when(editor_client, editor, make_article):
    article = make_article(body="## A\n\nFirst.")
    save(editor_client, article, body="## A\n\nSecond.")
    save(editor_client, article, body="## A\n\nThird.")
    saved = versions(article)
    assert [version.field_dict["body"] for version in saved] == ["## A\n\nThird.\n", "## A\n\nSecond.\n"]
    assert {version.revision.user for version in saved} == {editor}
    assert saved[0].revision.date_created >= saved[1].revision.date_created


def test_the_history_page_lists_versions_with_the_editor_and_a_compare_link(editor_client, make_article):
    article = make_article()
    save(editor_client, article, summary="Changed once.")
    save(editor_client, article, title="Changed twice")
    rows = history_rows(editor_client, article)  # oldest first, as Django's own history
    assert len(rows) == 2
    cells = [cell.text() for cell in rows[1].find_all("td")]
    assert cells[0] == "edith (Edith)"
    assert cells[1] == "Changed Title."
    compare = rows[0].find_all("a")[-1]
    assert compare.text() == "Compare with current"
    assert "Compare from the version saved on" in rows[0].find("input", name="old").attrs["aria-label"]
    assert editor_client.get(compare.attrs["href"]).status_code == 200


def test_importing_keeps_one_version_per_article_with_the_file_name(db):
    call_command("import_articles", stdout=StringIO())
    overview = Article.objects.get(slug="overview")
    (version,) = versions(overview)
    assert version.revision.user is None
    assert version.revision.get_comment() == "Imported from overview.md by import_articles"
    assert sorted(version.field_dict["related"]) == sorted(overview.related.values_list("pk", flat=True))
    assert Version.objects.get_for_model(Article).count() == Article.objects.count()


def test_the_compare_page_shows_what_changed_since_a_version(editor_client, make_article):
    article = make_article(body="## Fever\n\nCall 111.\n\nKeep warm.")
    save(editor_client, article, body="## Fever\n\nCall the chemotherapy helpline.\n\nKeep warm.")
    save(editor_client, article, summary="A new summary.")
    older = versions(article)[1]
    url = reverse("admin:articles_article_compare", args=[article.pk, older.pk])
    tree = parse(editor_client.get(url).content)
    headings = [h2.text() for h2 in tree.find("div", id="content-main").find_all("h2")]
    assert headings == ["Summary"]  # the body is the same in that version and now

    oldest_url = reverse("admin:articles_article_compare", args=[article.pk, versions(article)[-1].pk])
    first = make_article(body="x")  # an unrelated article must not show up in the comparison
    assert first.pk != article.pk
    save(editor_client, article, body="## Fever\n\nCall 999.\n\nKeep warm.")
    tree = parse(editor_client.get(oldest_url).content)
    body_diff = tree.find_all("pre", class_="article-diff")[-1]
    assert [line.text() for line in body_diff.find_all("del")] == ["- Call the chemotherapy helpline."]
    assert [line.text() for line in body_diff.find_all("ins")] == ["+ Call 999."]
    # within the changed line, only the words that changed are highlighted
    assert [mark.text() for mark in body_diff.find_all("del")[0].find_all("mark")] == ["the chemotherapy helpline"]
    assert [mark.text() for mark in body_diff.find_all("ins")[0].find_all("mark")] == ["999"]


def compare_url(article, old, new=None):
    query = f"?old={old.pk}" + (f"&new={new.pk}" if new else "")
    return reverse("admin:articles_article_compare_versions", args=[article.pk]) + query


def body_changes(client, url):
    """The removed and the added lines of the body on the compare page at `url`."""
    content = parse(client.get(url).content).find("div", id="content-main")
    diffs = dict(zip([h2.text() for h2 in content.find_all("h2")], content.find_all("pre"), strict=True))
    body_diff = diffs["Body"]
    return [line.text() for line in body_diff.find_all("del")], [line.text() for line in body_diff.find_all("ins")]


def test_any_two_versions_compare_the_earlier_with_the_later(editor_client, make_article):
    article = make_article(body="## Fever\n\nCall 111.\n")  # live, so each save is a sign-off working copy
    for number in ("222", "333", "444"):
        save(editor_client, article, body=f"## Fever\n\nCall {number}.\n")
    newest, middle, first = versions(article)
    assert body_changes(editor_client, compare_url(article, first, middle)) == (["- Call 222."], ["+ Call 333."])
    # chosen the wrong way round, the earlier is still shown as removed
    assert body_changes(editor_client, compare_url(article, newest, first)) == (["- Call 222."], ["+ Call 444."])
    save(editor_client, article, body="## Fever\n\nCall 555.\n")  # the current text is not involved
    assert body_changes(editor_client, compare_url(article, middle, newest)) == (["- Call 333."], ["+ Call 444."])


def test_the_history_page_chooses_the_two_latest_versions_to_compare(editor_client, make_article):
    article = make_article(body="## Fever\n\nCall 111.\n")
    for number in ("222", "333"):
        save(editor_client, article, body=f"## Fever\n\nCall {number}.\n")
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    form = parse(history.content).find("form", id="compare-versions")
    chosen = form_fields(history, form_id="compare-versions")
    newest, older = versions(article)
    assert chosen == {"old": [str(older.pk)], "new": [str(newest.pk)]}
    url = form.attrs["action"] + "?" + "&".join(f"{name}={value[0]}" for name, value in chosen.items())
    assert body_changes(editor_client, url) == (["- Call 222."], ["+ Call 333."])


@pytest.mark.parametrize("query", ["", "?old=abc", "?new=1", "?old=&new="])
def test_comparing_without_two_versions_of_the_article_explains_what_to_choose(editor_client, make_article, query):
    article = make_article()
    response = editor_client.get(reverse("admin:articles_article_compare_versions", args=[article.pk]) + query)
    assert response.status_code == 400
    assert "Choose two saved versions" in parse(response.content).find("p", class_="errornote").text()


def test_a_version_of_another_article_is_not_found(editor_client, make_article):
    article, other = make_article(), make_article()
    save(editor_client, other, summary="Other.")
    assert editor_client.get(compare_url(article, versions(other)[0])).status_code == 404


def recent_rows(client):
    tree = parse(client.get(reverse("admin:articles_article_recent_changes")).content)
    return tree.find("table", id="recent-changes").find("tbody").find_all("tr")


def article_who_what_note(row):
    """A recent change's article, who saved it, what changed and the note."""
    return [row.find("th").text(), *[cell.text() for cell in row.find_all("td")[1:4]]]


def test_recent_changes_lists_every_article_saved_the_latest_first_linking_to_the_comparison(
    editor_client, make_article
):
    call_command("import_articles", stdout=StringIO())
    fever, diet = make_article(title="Fever", body="## Fever\n\nCall 111.\n"), make_article(title="Diet")
    save(editor_client, fever, body="## Fever\n\nCall 999.\n")
    save(editor_client, diet, title="Eating well")
    rows = recent_rows(editor_client)
    assert [article_who_what_note(row) for row in rows[:2]] == [
        ["Eating well", "Edith", "First saved version.", "Changed Title."],
        ["Fever", "Edith", "First saved version.", "Changed Body."],
    ]
    save(editor_client, fever, body="## Fever\n\nCall 112.\n", related=[str(diet.pk)])
    latest = recent_rows(editor_client)[0]
    assert article_who_what_note(latest) == [
        "Fever",
        "Edith",
        "Changed Body, Related articles.",
        "Changed Body and Related.",
    ]
    assert body_changes(editor_client, latest.find_all("a")[-1].attrs["href"]) == (["- Call 999."], ["+ Call 112."])
    assert len(recent_rows(editor_client)) == Version.objects.count()  # the imported articles' versions too
    changelist = parse(editor_client.get(reverse("admin:articles_article_changelist")).content)
    tools = [link.attrs["href"] for link in changelist.find("ul", class_="object-tools").find_all("a")]
    assert reverse("admin:articles_article_recent_changes") in tools


def test_recent_changes_is_for_those_who_may_read_articles(client, make_article):
    client.force_login(User.objects.create_user("sam", password="x" * 20, is_staff=True))
    assert client.get(reverse("admin:articles_article_recent_changes")).status_code == 403


def test_an_editor_restores_an_earlier_version_into_the_working_copy_and_nothing_is_lost(editor_client, make_article):
    causes = make_article(title="Causes")
    article = make_article(title="Fever", body="## Fever\n\nThe live text.")
    save(editor_client, article, body="## Fever\n\nThe good text.\n", related=[str(causes.pk)])
    save(editor_client, article, body="## Fever\n\nA mistaken text.\n", related=[])
    good = versions(article)[1]

    revision_url = reverse("admin:articles_article_revision", args=[article.pk, good.pk])
    shown = editor_client.get(revision_url)
    assert shown.status_code == 200
    form = form_fields(shown)
    assert form["body"] == ["## Fever\n\nThe good text.\n"]
    assert "mistaken" in working_version(article).field_dict["body"]  # looking at a version changes nothing

    assert editor_client.post(revision_url, form).status_code == 302
    restored = working_version(article)
    assert restored.field_dict["body"] == "## Fever\n\nThe good text.\n"
    assert restored.field_dict["related"] == [causes.pk]
    assert restored.revision.get_comment().startswith("Reverted to previous version")
    bodies = [version.field_dict["body"] for version in versions(article)]
    assert bodies == ["## Fever\n\nThe good text.\n", "## Fever\n\nA mistaken text.\n", "## Fever\n\nThe good text.\n"]
    live = Article.objects.get(pk=article.pk)  # patients still see the live text, until an approval
    assert (live.body, list(live.related.all()), live.status) == (
        "## Fever\n\nThe live text.",
        [],
        Article.Status.PUBLISHED,
    )


def test_restoring_a_draft_writes_it_back_with_its_related_articles(editor_client, make_article):
    causes = make_article(title="Causes")
    article = make_article(title="Fever", body="## Fever\n\nThe good text.\n", status=Article.Status.DRAFT)
    save(editor_client, article, related=[str(causes.pk)])
    save(editor_client, article, body="## Fever\n\nA mistaken text.\n", related=[])
    revision_url = reverse("admin:articles_article_revision", args=[article.pk, versions(article)[1].pk])
    assert editor_client.post(revision_url, form_fields(editor_client.get(revision_url))).status_code == 302
    article.refresh_from_db()
    assert article.body == "## Fever\n\nThe good text.\n"
    assert "The good text." in article.body_html
    assert list(article.related.all()) == [causes]


def test_restoring_a_version_with_another_slug_keeps_the_current_address_working(
    editor_client, reviewer_client, client, make_article, submit, approve
):
    article = make_article(slug="low-count")
    save(editor_client, article, summary="First save.")
    submit(editor_client, article, slug="neutropenia-explained")
    approve(reviewer_client, article)
    first = versions(article)[1]
    revision_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    assert editor_client.post(revision_url, form_fields(editor_client.get(revision_url))).status_code == 302
    submit(editor_client, article)
    approve(reviewer_client, article)
    article.refresh_from_db()
    assert article.slug == "low-count"
    assert set(OldSlug.objects.values_list("slug", flat=True)) == {"neutropenia-explained"}
    client.logout()
    response = client.get("/articles/neutropenia-explained/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
