from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

EDITORS = "Editors"
CLINICAL_REVIEWERS = "Clinical reviewers"
# Editors write and submit: add and change articles (a change to a live article waits in its working copy),
# upload images, see and restore versions. Clinical reviewers read, approve and publish, and send back.
# Editors also keep the glossary and the medical word list, and read readers' feedback (marking comments handled).
# Deleting is left to administrators; a person may be in both groups.
ROLES = {
    EDITORS: [
        "articles.view_article",
        "articles.add_article",
        "articles.change_article",
        "articles.upload_image",
        "reversion.view_revision",
        "reversion.view_version",
        "feedback.view_feedback",
        "feedback.view_comment",
        "feedback.change_comment",
        "feedback.view_articlefeedback",
        "glossary.view_term",
        "glossary.add_term",
        "glossary.change_term",
        "glossary.delete_term",
        "editing.view_medicalword",
        "editing.add_medicalword",
        "editing.change_medicalword",
        "editing.delete_medicalword",
    ],
    CLINICAL_REVIEWERS: [
        "articles.view_article",
        "articles.publish_article",
        "reversion.view_revision",
        "reversion.view_version",
        "signoff.view_approval",
        "signoff.view_reviewrequest",
    ],
}


def permission(name):
    app_label, codename = name.split(".")
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        raise CommandError(f"Permission {name} does not exist: run `python manage.py migrate` first.") from None


class Command(BaseCommand):
    help = (
        f'Create or repair the "{EDITORS}" group (add and change articles, upload images, see and restore '
        f'versions, keep the glossary, see feedback) and the "{CLINICAL_REVIEWERS}" group (approve and publish, request changes). Safe to run '
        "again: it sets exactly these permissions."
    )

    def handle(self, **options):
        with transaction.atomic():
            for name, permissions in ROLES.items():
                group, created = Group.objects.get_or_create(name=name)
                group.permissions.set([permission(codename) for codename in permissions])
                if options["verbosity"]:
                    verb = "Created" if created else "Checked"
                    self.stdout.write(self.style.SUCCESS(f'{verb} the "{name}" group: {len(permissions)} permissions.'))
