from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles import frontmatter
from articles.models import Article

pytestmark = pytest.mark.django_db

BUNDLED = Path(__file__).resolve().parent.parent / "articles" / "content"
REQUIRED_TOPICS = ["overview", "causes", "symptoms", "diagnosis", "treatment", "precautions"]


def write(folder, name, **fields):
    entry = frontmatter.ArticleFile(
        title=fields.pop("title", name.title()),
        slug=fields.pop("slug", name),
        body=fields.pop("body", "Body.\n"),
        summary=fields.pop("summary", "A summary."),
    )
    for key, value in fields.items():
        setattr(entry, key, value)
    (folder / f"{name}.md").write_text(frontmatter.dump(entry), encoding="utf-8")


def import_articles(*args):
    out = StringIO()
    call_command("import_articles", *map(str, args), stdout=out)
    return out.getvalue()


def test_the_bundled_guide_imports_every_topic_with_two_or_more_related_articles():
    import_articles()
    published = Article.objects.published()
    assert set(REQUIRED_TOPICS) <= set(published.values_list("slug", flat=True))
    for article in published:
        assert article.related.published().count() >= 2, article.slug
        assert article.summary
        assert len(article.sections) >= 2, article.slug


def test_importing_twice_creates_nothing_new_and_keeps_editors_changes():
    import_articles()
    count = Article.objects.count()
    overview = Article.objects.get(slug="overview")
    overview.title = "Edited by an editor"
    overview.save()

    output = import_articles()

    assert Article.objects.count() == count
    assert Article.objects.get(slug="overview").title == "Edited by an editor"
    assert f"0 created, 0 updated, {count} kept" in output


def test_update_overwrites_on_purpose(tmp_path):
    write(tmp_path, "overview", title="First words")
    import_articles(tmp_path)
    write(tmp_path, "overview", title="Second words")
    import_articles(tmp_path, "--update")
    assert Article.objects.get(slug="overview").title == "Second words"


def test_related_links_resolve_after_all_files_are_read(tmp_path):
    write(tmp_path, "a-first", related=["z-last"])
    write(tmp_path, "z-last", related=["a-first"])
    import_articles(tmp_path)
    assert list(Article.objects.get(slug="a-first").related.values_list("slug", flat=True)) == ["z-last"]


def test_a_related_slug_may_name_an_article_already_in_the_database(tmp_path, make_article):
    make_article(slug="existing")
    write(tmp_path, "new", related=["existing"])
    import_articles(tmp_path)
    assert Article.objects.get(slug="new").related.get().slug == "existing"


def test_drafts_stay_drafts(tmp_path):
    write(tmp_path, "hidden", status="draft")
    import_articles(tmp_path)
    assert Article.objects.get(slug="hidden").status == Article.Status.DRAFT


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Just a body.\n", "broken.md: no front matter"),
        ("---\nslug: broken\n---\nBody", "broken.md: missing title"),
        ("---\ntitle: T\nslug: broken\nrelated: [nowhere]\n---\nBody", "broken.md: unknown related slug(s) nowhere"),
        (
            "---\ntitle: T\nslug: broken\napproved_by: A\napprover_role: B\napproved_on: 2026-01-01\nnext_review: 2027-02-30\n---\nB",
            "broken.md: next_review '2027-02-30'",
        ),
        ("---\ntitle: T\nslug: broken\napproved_by: Dr A\n---\nBody", "broken.md: an approval needs all of"),
        ("---\ntitle: T\nslug: good\n---\nBody", "broken.md: duplicate slug 'good', also used by a-good.md"),
        ("---\ntitle: " + "T" * 201 + "\nslug: broken\nsummary: S\n---\nBody", "broken.md: title: Ensure this value"),
        ("---\ntitle: T\nslug: broken\n---\nBody", "broken.md: summary: This field cannot be blank"),
    ],
)
def test_a_malformed_file_stops_the_import_naming_the_file_and_nothing_is_imported(tmp_path, text, message):
    write(tmp_path, "a-good", slug="good")
    (tmp_path / "broken.md").write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        import_articles(tmp_path)
    assert message in str(raised.value)
    assert Article.objects.count() == 0


def test_a_failure_on_a_later_file_leaves_earlier_files_unimported(tmp_path):
    write(tmp_path, "a-fine")
    write(tmp_path, "b-too-long", title="T" * 201)
    with pytest.raises(CommandError, match=r"b-too-long\.md"):
        import_articles(tmp_path)
    assert not Article.objects.filter(slug="a-fine").exists()


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    (tmp_path / "latin.md").write_bytes("---\ntitle: caf\xe9\nslug: latin\n---\n".encode("latin-1"))
    with pytest.raises(CommandError, match=r"latin\.md: the file is not UTF-8 text"):
        import_articles(tmp_path)


def test_a_missing_or_empty_folder_is_reported(tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        import_articles(tmp_path / "nowhere")
    with pytest.raises(CommandError, match=r"holds no \.md files"):
        import_articles(tmp_path)


def test_export_then_import_gives_the_same_articles(tmp_path):
    import_articles()
    draft = Article.objects.get(slug="fever")
    draft.status = Article.Status.DRAFT
    draft.save()

    def snapshot():
        return {
            article.slug: (
                article.title,
                article.summary,
                article.body.strip(),
                article.position,
                article.status,
                sorted(article.related.values_list("slug", flat=True)),
            )
            for article in Article.objects.all()
        }

    before = snapshot()
    call_command("export_articles", str(tmp_path / "backup"), stdout=StringIO())
    Article.objects.all().delete()
    import_articles(tmp_path / "backup")

    assert snapshot() == before


def test_export_writes_one_readable_file_per_article(tmp_path, make_article):
    make_article(slug="one", title="One: the first")
    call_command("export_articles", str(tmp_path), stdout=StringIO())
    text = (tmp_path / "one.md").read_text()
    assert text.startswith("---\ntitle: 'One: the first'\nslug: one\n")
