from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article


class Command(BaseCommand):
    help = (
        "Render every stored article body again with the current renderer (articles/markdown.py). Run it "
        "after deploying a change to the renderer: saved pages keep the HTML they were rendered with until then."
    )

    def handle(self, **options):
        with transaction.atomic():
            total = Article.objects.count()
            changed = Article.objects.render_again()
        self.stdout.write(
            self.style.SUCCESS(f"Rendered {total} article(s) again: {changed} changed, {total - changed} the same.")
        )
