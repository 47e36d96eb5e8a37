from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.models import Article


class Command(BaseCommand):
    help = (
        "List the articles whose next clinical review date has passed. Exits with status 1 when any are "
        "overdue, so a scheduler (cron, systemd timer) can alert someone."
    )

    def handle(self, **options):
        today = timezone.localdate()
        overdue = list(Article.objects.overdue_for_review(today).order_by("next_review", "position"))
        if not overdue:
            self.stdout.write(self.style.SUCCESS("No article is overdue for review."))
            return
        for article in overdue:
            days = (today - article.next_review).days
            self.stdout.write(
                f"{article.next_review:%Y-%m-%d}  {days} day(s) overdue  {article.get_status_display():<9}  "
                f"{article.title} ({article.get_absolute_url()})"
            )
        raise CommandError(f"{len(overdue)} article(s) overdue for review.", returncode=1)
