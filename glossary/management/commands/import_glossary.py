from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import Article
from glossary.models import Term
from glossary.relinking import relink_articles, relinking_paused
from neutro_site.yaml_lists import read_yaml_list

BUNDLED_TERMS = Path(settings.BASE_DIR) / "glossary" / "content" / "terms.yaml"
FIELDS = {"term", "anchor", "other_names", "definition", "related"}


class Command(BaseCommand):
    help = (
        "Import the glossary's terms from a YAML file (default: the guide's bundled glossary). Terms that "
        "already exist (same anchor) are left as they are, so editors' changes survive, unless --update is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(BUNDLED_TERMS), help="YAML file: a list of terms")
        parser.add_argument("--update", action="store_true", help="overwrite existing terms with the file's")

    def handle(self, file, update, **options):
        entries = read_terms(Path(file))
        with transaction.atomic(), relinking_paused():
            created, updated, kept = save_terms(entries, update)
        relink_articles()
        self.stdout.write(
            self.style.SUCCESS(f"Imported {len(entries)} term(s): {created} created, {updated} updated, {kept} kept.")
        )


def read_terms(path):
    """The file's entries as dicts, or a CommandError that names the problem and the entry."""
    entries = read_yaml_list(path, "terms, each with term, anchor and definition")
    for number, entry in enumerate(entries, start=1):
        unknown = set(entry) - FIELDS
        if unknown:
            raise CommandError(f"{path.name}, term {number}: unknown field(s) {', '.join(sorted(unknown))}")
    return entries


def save_terms(entries, update):
    """Create missing terms (and overwrite existing ones if `update`); return (created, updated, kept).
    Call inside a transaction: a CommandError leaves nothing."""
    created = updated = kept = 0
    for number, entry in enumerate(entries, start=1):
        name = f"term {number} ({entry.get('term', '?')})"
        term = Term.objects.filter(anchor=entry.get("anchor")).first()
        if term is None:
            term = Term()
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
        term.related_article = Article.objects.filter(slug=related).first() if related else None
        if related and term.related_article is None:
            raise CommandError(f"{name}: no article has the slug {related!r} (import the articles first)")
        try:
            term.full_clean()
        except ValidationError as error:
            problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
            raise CommandError(f"{name}: {problems}") from None
        term.save()
    return created, updated, kept
