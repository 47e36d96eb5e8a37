import datetime
from pathlib import Path

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from reversion.models import Version

from articles import frontmatter
from articles.models import Article
from signoff.models import Approval

BUNDLED_CONTENT = Path(settings.BASE_DIR) / "articles" / "content"


class Command(BaseCommand):
    help = (
        "Import every *.md article file of a folder (default: the guide's bundled content) and of its folders "
        "named by a language of the site (es/), translations after the articles they translate. "
        "Articles that already exist are left as they are, so editors' changes survive, unless --update is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default=str(BUNDLED_CONTENT), help="folder of .md files")
        parser.add_argument("--update", action="store_true", help="overwrite existing articles with the files' content")

    def handle(self, directory, update, **options):
        folder = Path(directory)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        paths = article_paths(folder)
        if not paths:
            raise CommandError(f"{folder} holds no .md files")

        files = read_files(paths)
        with transaction.atomic():
            created, updated, kept = save_articles(files, update)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(files)} file(s): {created} created, {updated} updated, {kept} kept as they were."
            )
        )


def language_codes():
    return [code for code, _ in settings.LANGUAGES]


def article_paths(folder):
    """The .md files of `folder` (the default language's) and of its folders named by the site's other
    languages (`es/`), those of the default language first, so every source exists before its translations."""
    paths = sorted(folder.glob("*.md"))
    for code in language_codes():
        if code != settings.LANGUAGE_CODE:
            paths += sorted((folder / code).glob("*.md"))
    return paths


def file_name(path):
    """The name an editor knows the file by: `overview.md`, `es/que-es-la-neutropenia.md`."""
    folder = path.parent.name
    return f"{folder}/{path.name}" if folder in language_codes() else path.name


def read_files(paths):
    """Parse every file; return {path: ArticleFile}, or raise CommandError naming the first bad file.

    A file's language must be the one its folder names; its related slugs name articles of its language,
    and its translation_of an article of the default language, in the files or already in the database.
    """
    files = {}
    seen = {}
    for path in paths:
        try:
            article = frontmatter.parse(path.read_text(encoding="utf-8"), language_codes())
        except UnicodeDecodeError:
            raise CommandError(f"{file_name(path)}: the file is not UTF-8 text") from None
        except frontmatter.FrontMatterError as error:
            raise CommandError(f"{file_name(path)}: {error}") from None
        folder_language = path.parent.name if path.parent.name in language_codes() else settings.LANGUAGE_CODE
        if article.language != folder_language:
            raise CommandError(
                f"{file_name(path)}: lang is {article.language} but the file is in the folder of {folder_language}: "
                f"move the file, or correct its lang"
            )
        key = (article.language, article.slug)
        if key in seen:
            raise CommandError(
                f"{file_name(path)}: duplicate slug {article.slug!r}, also used by {file_name(seen[key])}"
            )
        seen[key] = path
        files[path] = article
    known = set(seen) | set(Article.objects.values_list("language", "slug"))
    for path, article in files.items():
        unknown = [slug for slug in article.related if (article.language, slug) not in known]
        if unknown:
            raise CommandError(f"{file_name(path)}: unknown related slug(s) {', '.join(unknown)}")
        if article.translation_of and (settings.LANGUAGE_CODE, article.translation_of) not in known:
            raise CommandError(
                f"{file_name(path)}: translation_of {article.translation_of!r} names no {settings.LANGUAGE_CODE} article"
            )
    check_one_translation_per_language(files)
    return files


def check_one_translation_per_language(files):
    """Raise CommandError when two articles of one language would translate the same article."""
    translating = {
        (language, source): slug
        for language, source, slug in Article.objects.filter(translation_of__isnull=False).values_list(
            "language", "translation_of__slug", "slug"
        )
    }
    for path, article in files.items():
        if not article.translation_of:
            continue
        key = (article.language, article.translation_of)
        other = translating.setdefault(key, article.slug)
        if other != article.slug:
            raise CommandError(
                f"{file_name(path)}: {article.translation_of!r} already has a {article.language} translation, "
                f"{other!r}; an article has one translation per language"
            )


IMPORT_COMMENT = "Imported from {name} by import_articles"


def save_articles(files, update):
    """Create missing articles (and overwrite existing ones if `update`), then link related articles.

    Every article written gets a saved version of its own (as an admin save does), so an editor can see
    and restore an imported text without touching the other articles of the same import.
    Returns (created, updated, kept) counts. Call inside a transaction: a CommandError leaves nothing.
    """
    created = updated = kept = 0
    written = []
    for path, entry in files.items():
        article = Article.objects.filter(language=entry.language, slug=entry.slug).first()
        if article is None:
            article = Article(language=entry.language, slug=entry.slug)
            created += 1
        elif update:
            updated += 1
        else:
            kept += 1
            continue
        article.title = entry.title
        article.summary = entry.summary
        article.body = entry.body
        article.position = entry.order
        article.status = entry.status
        article.translation_of = (
            Article.objects.get(language=settings.LANGUAGE_CODE, slug=entry.translation_of)
            if entry.translation_of
            else None
        )
        try:
            article.full_clean(exclude=["related"], validate_unique=False)
        except ValidationError as error:
            problems = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
            raise CommandError(f"{file_name(path)}: {problems}") from None
        article.save()
        written.append((article, entry, path))
    by_address = {(article.language, article.slug): article for article in Article.objects.all()}
    for article, entry, path in written:
        with reversion.create_revision():
            article.related.set([by_address[article.language, slug] for slug in entry.related])
            reversion.add_to_revision(article)
            reversion.set_comment(IMPORT_COMMENT.format(name=file_name(path)))
        if entry.approval is not None and article.is_published:
            record_imported_approval(article, entry.approval)
    return created, updated, kept


def record_imported_approval(article, approval):
    """Keep the approval a file carries (from export_articles on another site) against the version just
    imported; it names the person and role the file gives, and no account of this site."""
    approved_at = datetime.datetime.combine(approval.approved_on, datetime.time(12), timezone.get_current_timezone())
    Approval.objects.create(
        article=article,
        version=Version.objects.get_for_object(article).first(),
        reviewer_name=approval.approved_by,
        reviewer_role=approval.approver_role,
        approved_at=approved_at,
        next_review=approval.next_review,
        published_at=timezone.now(),
        imported=True,
    )
