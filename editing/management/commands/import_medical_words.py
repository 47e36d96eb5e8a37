from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from editing.models import MedicalWord
from neutro_site.yaml_lists import read_yaml_list

CONTENT = Path(settings.BASE_DIR) / "editing" / "content"


def bundled_files():
    """The lists the guide ships with, as (file, language): content/medical_words.yaml in the default
    language and content/<language>/medical_words.yaml for each other language of settings.LANGUAGES that has one."""
    files = [(CONTENT / "medical_words.yaml", settings.LANGUAGE_CODE)]
    for code, _name in settings.LANGUAGES:
        path = CONTENT / code / "medical_words.yaml"
        if code != settings.LANGUAGE_CODE and path.exists():
            files.append((path, code))
    return files


class Command(BaseCommand):
    help = (
        "Load the medical words the checks before publishing look for, each with its plain words, from a YAML "
        "file (default: the bundled lists, one per language). Words already there are kept as editors left them."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="YAML file: a list of word, plain (default: the bundled lists)")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="the language of the file's words (default: %(default)s); the bundled files say their own",
        )

    def handle(self, file, language, **options):
        files = [(Path(file), language)] if file else bundled_files()
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
