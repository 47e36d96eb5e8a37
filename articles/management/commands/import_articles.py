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
        "Import every *.md article file of a folder (default: the guide's bundled content). "
        "Articles that already exist are left as they are, so editors' changes survive, unless --update is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default=str(BUNDLED_CONTENT), help="folder of .md files")
        parser.add_argument("--update", action="store_true", help="overwrite existing articles with the files' content")

    def handle(self, directory, update, **options):
        folder = Path(directory)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        paths = sorted(folder.glob("*.md"))
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


def read_files(paths):
    """Parse every file; return {path: ArticleFile}, or raise CommandError naming the first bad file."""
    files = {}
    seen = {}
    for path in paths:
        try:
            article = frontmatter.parse(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise CommandError(f"{path.name}: the file is not UTF-8 text") from None
        except frontmatter.FrontMatterError as error:
            raise CommandError(f"{path.name}: {error}") from None
        if article.slug in seen:
            raise CommandError(f"{path.name}: duplicate slug {article.slug!r}, also used by {seen[article.slug].name}")
        seen[article.slug] = path
        files[path] = article
    known = set(seen) | set(Article.objects.values_list("slug", flat=True))
    for path, article in files.items():
        unknown = [slug for slug in article.related if slug not in known]
        if unknown:
            raise CommandError(f"{path.name}: unknown related slug(s) {', '.join(unknown)}")
    return files


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
        article = Article.objects.filter(slug=entry.slug).first()
        if article is None:
            article = Article(slug=entry.slug)
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
        try:
            article.full_clean(exclude=["related"], validate_unique=False)
        except ValidationError as error:
            problems = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
            raise CommandError(f"{path.name}: {problems}") from None
        article.save()
        written.append((article, entry, path))
    by_slug = {article.slug: article for article in Article.objects.all()}
    for article, entry, path in written:
        with reversion.create_revision():
            article.related.set([by_slug[slug] for slug in entry.related])
            reversion.add_to_revision(article)
            reversion.set_comment(IMPORT_COMMENT.format(name=path.name))
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
