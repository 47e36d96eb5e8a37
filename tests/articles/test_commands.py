"""The content commands: import_articles, export_articles and rerender_articles."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles import frontmatter
from articles.models import Article

pytestmark = pytest.mark.django_db

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


def test_an_import_that_fails_half_way_leaves_the_previous_articles_and_links(tmp_path):
    write(tmp_path, "a-first", slug="first", title="First as it was", related=["second"])
    write(tmp_path, "b-second", slug="second", title="Second as it was")
    import_articles(tmp_path)

    changed = tmp_path / "changed"
    changed.mkdir()
    write(changed, "a-first", slug="first", title="First changed", related=[])
    write(changed, "b-second", slug="second", title="Second changed")
    write(changed, "c-new", slug="new")
    write(changed, "d-broken", slug="broken", title="T" * 201)
    with pytest.raises(CommandError, match=r"d-broken\.md"):
        import_articles(changed, "--update")

    assert sorted(Article.objects.values_list("slug", flat=True)) == ["first", "second"]
    first = Article.objects.get(slug="first")
    assert first.title == "First as it was"
    assert list(first.related.values_list("slug", flat=True)) == ["second"]
    assert Article.objects.get(slug="second").title == "Second as it was"


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
            (article.language, article.slug): (
                article.title,
                article.summary,
                article.body.strip(),
                article.position,
                article.status,
                article.translation_of and (article.translation_of.language, article.translation_of.slug),
                sorted(article.related.values_list("language", "slug")),
            )
            for article in Article.objects.all()
        }

    before = snapshot()
    assert {language for language, _ in before} == {"en-gb", "es"}
    call_command("export_articles", str(tmp_path / "backup"), stdout=StringIO())
    Article.objects.all().delete()
    import_articles(tmp_path / "backup")

    assert snapshot() == before


def test_export_writes_one_readable_file_per_article(tmp_path, make_article):
    make_article(slug="one", title="One: the first")
    call_command("export_articles", str(tmp_path), stdout=StringIO())
    text = (tmp_path / "one.md").read_text()
    assert text.startswith("---\ntitle: 'One: the first'\nslug: one\n")


def test_rerender_gives_stored_bodies_the_current_renderers_html(make_article):
    article = make_article(body="## Kept heading\n\nText.")
    stale = {"body_html": "<h2>stale</h2>", "body_text": "stale", "sections": []}
    Article.objects.filter(pk=article.pk).update(**stale)
    untouched = make_article(body="## Fine\n\nAlready current.")
    out = StringIO()
    call_command("rerender_articles", stdout=out)
    article.refresh_from_db()
    assert 'href="#kept-heading"' in article.body_html
    assert (article.body_text, article.sections) == ("Kept heading\nText.", [["kept-heading", "Kept heading"]])
    assert out.getvalue() == "Rendered 2 article(s) again: 1 changed, 1 the same.\n"
    assert Article.objects.get(pk=untouched.pk).updated == untouched.updated


def test_rerender_clears_the_page_cache(client, make_article):
    article = make_article(body="## Kept heading\n\nText.")
    Article.objects.filter(pk=article.pk).update(body_html="<p>stale</p>")
    assert b"<p>stale</p>" in client.get(article.get_absolute_url()).content
    call_command("rerender_articles", stdout=StringIO())
    assert b'href="#kept-heading"' in client.get(article.get_absolute_url()).content


def spanish_folder(tmp_path):
    folder = tmp_path / "es"
    folder.mkdir()
    return folder


def test_the_bundled_spanish_guide_translates_every_english_article():
    import_articles()
    spanish = Article.objects.filter(language="es").select_related("translation_of")
    english = set(Article.objects.filter(language="en-gb").values_list("slug", flat=True))
    assert {article.translation_of.slug for article in spanish} == english
    assert all(article.translation_of.language == "en-gb" for article in spanish)
    for article in spanish:
        assert set(article.related.values_list("language", flat=True)) == {"es"}, article.slug


def test_a_translation_is_linked_to_its_source_and_related_within_its_language(tmp_path):
    write(tmp_path, "fever")
    write(tmp_path, "children")
    folder = spanish_folder(tmp_path)
    # The Spanish file relates to "children", a slug that exists only in English: it is a Spanish slug here.
    write(folder, "fiebre", language="es", translation_of="fever", related=["ninos"])
    write(folder, "ninos", language="es", translation_of="children")
    output = import_articles(tmp_path)
    fiebre = Article.objects.get(language="es", slug="fiebre")
    assert fiebre.translation_of == Article.objects.get(language="en-gb", slug="fever")
    assert list(fiebre.related.all()) == [Article.objects.get(language="es", slug="ninos")]
    assert "4 created" in output


def test_a_related_slug_of_the_other_language_is_unknown(tmp_path):
    write(tmp_path, "fever")
    write(spanish_folder(tmp_path), "fiebre", language="es", translation_of="fever", related=["fever"])
    with pytest.raises(CommandError, match=r"es/fiebre\.md: unknown related slug\(s\) fever"):
        import_articles(tmp_path)
    assert not Article.objects.exists()


def test_each_language_may_use_the_same_slug(tmp_path):
    write(tmp_path, "glosario")
    write(spanish_folder(tmp_path), "glosario", language="es")
    import_articles(tmp_path)
    assert sorted(Article.objects.values_list("language", "slug")) == [("en-gb", "glosario"), ("es", "glosario")]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"es/fiebre": {}},
            r"es/fiebre\.md: lang is en-gb but the file is in the folder of es",
        ),
        ({"fiebre": {"language": "es"}}, r"fiebre\.md: lang is es but the file is in the folder of en-gb"),
        ({"es/fiebre": {"language": "es", "translation_of": "flu"}}, r"translation_of 'flu' names no en-gb article"),
        (
            {
                "es/fiebre": {"language": "es", "translation_of": "fever"},
                "es/calentura": {"language": "es", "translation_of": "fever"},
            },
            r"'fever' already has a es translation",
        ),
    ],
)
def test_a_translation_in_the_wrong_place_or_of_a_missing_article_is_refused(tmp_path, files, message):
    write(tmp_path, "fever")
    spanish_folder(tmp_path)
    for name, fields in files.items():
        folder, _, slug = name.rpartition("/")
        write(tmp_path / folder, slug, **fields)
    with pytest.raises(CommandError, match=message):
        import_articles(tmp_path)
    assert not Article.objects.exists()


def test_a_translation_may_name_a_source_already_in_the_database(tmp_path, make_article):
    fever = make_article(slug="fever")
    write(spanish_folder(tmp_path), "fiebre", language="es", translation_of="fever")
    import_articles(tmp_path)
    assert Article.objects.get(language="es").translation_of == fever


def test_export_writes_translations_into_their_languages_folder(tmp_path, make_article):
    fever = make_article(slug="fever")
    make_article(slug="fiebre", title="Fiebre", language="es", translation_of=fever)
    call_command("export_articles", str(tmp_path), stdout=StringIO())
    assert sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*.md")) == [
        "es/fiebre.md",
        "fever.md",
    ]
    spanish = frontmatter.parse((tmp_path / "es" / "fiebre.md").read_text(), ["en-gb", "es"])
    assert (spanish.language, spanish.translation_of) == ("es", "fever")
    assert "lang:" not in (tmp_path / "fever.md").read_text()
