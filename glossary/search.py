"""Glossary terms for the site search: a term matches when every word searched for is in its name, other
names or definition (any case)."""

from django.db.models import Q

from articles.search import query_words
from glossary.models import Term

MAX_TERMS = 5


def matching_terms(query: str) -> list[Term]:
    """The terms matching `query`, those whose names match first (at most MAX_TERMS)."""
    words = query_words(query)
    if not words:
        return []
    terms = Term.objects.all()
    for word in words:
        terms = terms.filter(Q(term__icontains=word) | Q(other_names__icontains=word) | Q(definition__icontains=word))
    named = [term for term in terms if all(word in " ".join(term.names).casefold() for word in words)]
    return (named + [term for term in terms if term not in named])[:MAX_TERMS]
