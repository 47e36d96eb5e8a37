"""The glossary as the article renderer takes it: each term's names and the address of its entry."""

from articles.markdown import GlossaryTerm
from glossary.models import Term


def glossary_terms() -> list[GlossaryTerm]:
    """Every glossary term, for articles.markdown.render()."""
    return [GlossaryTerm(names=tuple(term.names), href=term.get_absolute_url()) for term in Term.objects.all()]
