from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from editing.models import MedicalWord
from neutro_site.yaml_lists import add_language_argument, bundled_files, read_yaml_list

CONTENT = Path(settings.BASE_DIR) / "editing" / "content"


class Command(BaseCommand):
    help = (
        "Load the medical words the checks before publishing look for, each with its plain words, from a YAML "
        "file (default: the bundled lists, one per language). Words already there are kept as editors left them."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="YAML file: a list of word, plain (default: the bundled lists)")
        add_language_argument(parser, "words")

    def handle(self, file, language, **options):
        files = [(Path(file), language)] if file else bundled_files(CONTENT, "medical_words.yaml")
        loaded = [(path, code, read_words(path)) for path, code in files]
        with transaction.atomic():
            for path, code, entries in loaded:
                created = sum(
                    MedicalWord.objects.get_or_create(
                        language=code, word=entry["word"], defaults={"plain": entry["plain"]}
                    )[1]
                    for entry in entries
                )
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Loaded {len(entries)} medical word(s) in {code} from {path.name}: {created} new."
                    )
                )


def read_words(path):
    """The file's entries, each a dict with a non-empty `word` and `plain`, or a CommandError naming the problem."""
    entries = read_yaml_list(path, "words, each with word and plain")
    for number, entry in enumerate(entries, start=1):
        if not (set(entry) == {"word", "plain"} and all(entry.values())):
            raise CommandError(f"{path.name}, entry {number}: give exactly a word and its plain words")
    return entries
