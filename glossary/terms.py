"""The glossary as the article renderer takes it: each term's names and the address of its entry."""

from django.conf import settings

from articles.markdown import GlossaryTerm
from glossary.models import Term


def glossary_terms(language: str = settings.LANGUAGE_CODE) -> list[GlossaryTerm]:
    """The glossary terms of `language` (an article's language), for articles.markdown.render(): an article's
    first uses link to the entries of its own language's glossary page."""
    return [
        GlossaryTerm(names=tuple(term.names), href=term.get_absolute_url())
        for term in Term.objects.filter(language=language)
    ]
