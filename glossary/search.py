"""Glossary terms for the site search: a term of the page's language matches when every word searched for
is in its name, other names or definition, whatever the case and accents ("medula" finds "médula")."""

from django.utils import translation

from articles.accents import fold
from articles.search import query_words
from glossary.models import Term

MAX_TERMS = 5


def matching_terms(query: str, language: str | None = None) -> list[Term]:
    """The terms of `language` (default: the active language) matching `query`, those whose names match
    first (at most MAX_TERMS). A glossary holds tens of terms, so they are matched here, not in the database,
    the same on SQLite and PostgreSQL."""
    words = [fold(word) for word in query_words(query)]
    if not words:
        return []
    terms = Term.objects.filter(language=language or translation.get_language())
    named, defined = [], []
    for term in terms:
        names = fold(" ".join(term.names))
        if all(word in names for word in words):
            named.append(term)
        elif all(word in names or word in fold(term.definition) for word in words):
            defined.append(term)
    return (named + defined)[:MAX_TERMS]
