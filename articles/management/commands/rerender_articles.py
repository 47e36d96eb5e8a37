from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article


class Command(BaseCommand):
    help = (
        "Render every stored article body again with the current renderer (articles/markdown.py). Run it "
        "after deploying a change to the renderer: saved pages keep the HTML they were rendered with until then."
    )

    def handle(self, **options):
        changed = 0
        with transaction.atomic():
            articles = list(Article.objects.select_for_update())
            for article in articles:
                stored = (article.body_html, article.body_text, article.sections)
                article.render_body()
                if (article.body_html, article.body_text, article.sections) != stored:
                    # Only what is rendered from the body: its text, its versions and its "updated" time stay.
                    article.save(update_fields=Article.RENDERED_FIELDS)
                    changed += 1
        self.stdout.write(
            self.style.SUCCESS(
                f"Rendered {len(articles)} article(s) again: {changed} changed, {len(articles) - changed} the same."
            )
        )
