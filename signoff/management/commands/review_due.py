from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from signoff.reviews import due_for_review

WITHIN_DAYS = 30


class Command(BaseCommand):
    help = (
        f"List the live articles never checked by a clinician or whose next check is due within {WITHIN_DAYS} "
        "days. Exits with status 1 when any check is overdue (or missing), so a scheduler (cron, systemd timer) "
        "can alert someone. With --email, also emails the list to every clinical reviewer."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", action="store_true", help="email the list to each clinical reviewer")

    def handle(self, email, **options):
        today = timezone.localdate()
        due = due_for_review(today, WITHIN_DAYS)
        if not due:
            self.stdout.write(self.style.SUCCESS(f"No article is due for review in the next {WITHIN_DAYS} days."))
            return
        lines = [describe(check, today) for check in due]
        self.stdout.write("\n".join(lines))
        if email:
            sent = send_to_reviewers(lines)
            self.stdout.write(f"Emailed {sent} clinical reviewer(s).")
        overdue = [check for check in due if check.due is None or check.due < today]
        if overdue:
            raise CommandError(f"{len(overdue)} article(s) overdue for review or never checked.", returncode=1)


def describe(check, today):
    """One line about a DueCheck: when it is due, how late, and the article's title and address."""
    place = f"{check.article.title} ({check.article.get_absolute_url()})"
    if check.due is None:
        return f"never checked            {place}"
    days = check.days_overdue(today)
    when = f"{days} day(s) overdue" if days > 0 else ("due today" if days == 0 else f"due in {-days} day(s)")
    return f"{check.due:%Y-%m-%d}  {when:<14}  {place}"


def send_to_reviewers(lines):
    """Email `lines` to each active clinical reviewer with an address (one message each); return how many."""
    reviewers = (
        get_user_model()
        .objects.with_perm("articles.publish_article", backend="django.contrib.auth.backends.ModelBackend")
        .filter(is_staff=True)
        .exclude(email="")
    )
    body = (
        "These pages of the neutropenia guide need a clinical check within the next "
        f"{WITHIN_DAYS} days, or are overdue:\n\n" + "\n".join(lines) + "\n\n"
        "Open each in the admin, read it, and approve it again or ask for changes.\n"
    )
    for reviewer in reviewers:
        send_mail("Guide pages due for clinical review", body, settings.DEFAULT_FROM_EMAIL, [reviewer.email])
    return len(reviewers)
