from django.core.management.base import BaseCommand

from signoff.workflow import publish_scheduled


class Command(BaseCommand):
    help = (
        "Make live every approved version whose go-live time has come, and withdraw every article past its "
        "expiry. Run it every few minutes from cron or a systemd timer; the page cache shows each change at once."
    )

    def handle(self, **options):
        published, withdrawn = publish_scheduled()
        for approval in published:
            self.stdout.write(f"Published {approval.article.title} ({approval.article.get_absolute_url()})")
        for article in withdrawn:
            self.stdout.write(f"Withdrawn (expired) {article.title} ({article.get_absolute_url()})")
        if options["verbosity"] and not published and not withdrawn:
            self.stdout.write("Nothing to publish or withdraw.")
