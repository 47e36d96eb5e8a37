from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import Article
from glossary.models import Term
from glossary.relinking import relink_articles, relinking_paused
from neutro_site.yaml_lists import add_language_argument, bundled_files, read_yaml_list

CONTENT = Path(settings.BASE_DIR) / "glossary" / "content"
FIELDS = {"term", "anchor", "other_names", "definition", "related"}


class Command(BaseCommand):
    help = (
        "Import the glossary's terms from a YAML file (default: the guide's bundled glossaries, one per "
        "language). Terms that already exist (same language and anchor) are left as they are, so editors' "
        "changes survive, unless --update is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="YAML file: a list of terms (default: the bundled glossaries)")
        add_language_argument(parser, "terms")
        parser.add_argument("--update", action="store_true", help="overwrite existing terms with the file's")

    def handle(self, file, language, update, **options):
        files = [(Path(file), language)] if file else bundled_files(CONTENT, "terms.yaml")
        if not file:
            # A bundled glossary relates its language's articles: without any of them yet, it waits.
            waiting = [(path, code) for path, code in files if not Article.objects.filter(language=code).exists()]
            for path, code in waiting:
                self.stdout.write(
                    f"Skipped {path.name} in {code}: no article in {code} yet (import the articles first)."
                )
            files = [entry for entry in files if entry not in waiting]
        loaded = [(path, code, read_terms(path)) for path, code in files]
        with transaction.atomic(), relinking_paused():
            counts = [(path, code, entries, save_terms(entries, code, update)) for path, code, entries in loaded]
        relink_articles()
        for path, code, entries, (created, updated, kept) in counts:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {len(entries)} term(s) in {code} from {path.name}: "
                    f"{created} created, {updated} updated, {kept} kept."
                )
            )


def read_terms(path):
    """The file's entries as dicts, or a CommandError that names the problem and the entry."""
    entries = read_yaml_list(path, "terms, each with term, anchor and definition")
    for number, entry in enumerate(entries, start=1):
        unknown = set(entry) - FIELDS
        if unknown:
            raise CommandError(f"{path.name}, term {number}: unknown field(s) {', '.join(sorted(unknown))}")
    return entries


def save_terms(entries, language, update):
    """Create the missing terms of `language` (and overwrite existing ones if `update`); return (created,
    updated, kept). A term's `related` is the slug of an article in the same language. Call inside a
    transaction: a CommandError leaves nothing."""
    created = updated = kept = 0
    for number, entry in enumerate(entries, start=1):
        name = f"term {number} ({entry.get('term', '?')})"
        term = Term.objects.filter(language=language, anchor=entry.get("anchor")).first()
        if term is None:
            term = Term(language=language)
            created += 1
        elif update:
            updated += 1
        else:
            kept += 1
            continue
        term.term = str(entry.get("term", "")).strip()
        term.anchor = str(entry.get("anchor", "")).strip()
        term.other_names = str(entry.get("other_names") or "").strip()
        term.definition = str(entry.get("definition", "")).strip()
        related = entry.get("related")
        term.related_article = Article.objects.filter(language=language, slug=related).first() if related else None
        if related and term.related_article is None:
            raise CommandError(f"{name}: no article in {language} has the slug {related!r} (import the articles first)")
        try:
            term.full_clean()
        except ValidationError as error:
            problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
            raise CommandError(f"{name}: {problems}") from None
        term.save()
    return created, updated, kept
