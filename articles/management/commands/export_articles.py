from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles import frontmatter
from articles.models import Article


class Command(BaseCommand):
    help = "Write every article, drafts included, as <slug>.md files that import_articles reads back."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="folder to write into (created if missing)")

    def handle(self, directory, **options):
        folder = Path(directory)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(f"cannot create {folder}: {error.strerror}") from None
        articles = Article.objects.in_guide_order().prefetch_related("related")
        for article in articles:
            text = frontmatter.dump(as_file(article))
            (folder / f"{article.slug}.md").write_text(text, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Exported {len(articles)} article(s) to {folder}."))


def as_file(article):
    """The ArticleFile that describes `article`."""
    return frontmatter.ArticleFile(
        title=article.title,
        slug=article.slug,
        body=article.body,
        summary=article.summary,
        order=article.position,
        status=article.status,
        related=sorted(related.slug for related in article.related.all()),
        last_reviewed=article.last_reviewed,
        next_review=article.next_review,
        reviewer=article.reviewer,
    )
