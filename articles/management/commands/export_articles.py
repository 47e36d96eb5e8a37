from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles import frontmatter
from articles.models import Article
from signoff.reviews import current_approval


class Command(BaseCommand):
    help = (
        "Write every article, drafts included, as <slug>.md files that import_articles reads back (translations "
        "in the folder named by their language, es/<slug>.md): the live text, with its clinician's recorded "
        "approval when it has one."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="folder to write into (created if missing)")

    def handle(self, directory, **options):
        folder = Path(directory)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(f"cannot create {folder}: {error.strerror}") from None
        articles = Article.objects.in_guide_order().select_related("translation_of").prefetch_related("related")
        for article in articles:
            text = frontmatter.dump(as_file(article))
            language_folder = folder if article.language == settings.LANGUAGE_CODE else folder / article.language
            language_folder.mkdir(exist_ok=True)
            (language_folder / f"{article.slug}.md").write_text(text, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Exported {len(articles)} article(s) to {folder}."))


def as_file(article):
    """The ArticleFile that describes `article`."""
    return frontmatter.ArticleFile(
        title=article.title,
        slug=article.slug,
        body=article.body,
        language=article.language,
        translation_of=article.translation_of.slug if article.translation_of else "",
        summary=article.summary,
        order=article.position,
        status=article.status,
        # A file's related slugs name articles of its own language, as the pages link only those.
        related=sorted(related.slug for related in article.related.all() if related.language == article.language),
        approval=recorded_approval(article),
    )


def recorded_approval(article):
    """The FileApproval of the clinician's recorded approval of `article`'s live text, or None."""
    approval = current_approval(article)
    if approval is None:
        return None
    return frontmatter.FileApproval(
        approved_by=approval.reviewer_name,
        approver_role=approval.reviewer_role,
        approved_on=approval.approved_on,
        next_review=approval.next_review,
    )
