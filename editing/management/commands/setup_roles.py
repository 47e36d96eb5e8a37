from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

EDITORS = "Editors"
# What an editor may do, and nothing else: write and publish articles, upload images into them, see and
# restore their saved versions (restoring is a change), keep the glossary, and read readers' feedback.
# Deleting articles is left to administrators.
EDITOR_PERMISSIONS = [
    "articles.view_article",
    "articles.add_article",
    "articles.change_article",
    "articles.publish_article",
    "articles.upload_image",
    "reversion.view_revision",
    "reversion.view_version",
    # Readers' feedback: see every answer and mark comments as handled.
    "feedback.view_feedback",
    "feedback.view_comment",
    "feedback.change_comment",
    "feedback.view_articlefeedback",
    # The glossary: editors keep its terms.
    "glossary.view_term",
    "glossary.add_term",
    "glossary.change_term",
    "glossary.delete_term",
]


def permission(name):
    app_label, codename = name.split(".")
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        raise CommandError(f"Permission {name} does not exist: run `python manage.py migrate` first.") from None


class Command(BaseCommand):
    help = (
        f'Create or repair the "{EDITORS}" group: add, change and publish articles, upload images, see and '
        "restore versions, keep the glossary, see feedback and mark comments handled, and nothing else. "
        "Safe to run again: it sets exactly these permissions."
    )

    def handle(self, **options):
        with transaction.atomic():
            group, created = Group.objects.get_or_create(name=EDITORS)
            group.permissions.set([permission(name) for name in EDITOR_PERMISSIONS])
        verb = "Created" if created else "Checked"
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(f'{verb} the "{EDITORS}" group: {len(EDITOR_PERMISSIONS)} permissions.')
            )
