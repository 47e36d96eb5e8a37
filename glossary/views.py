from django.shortcuts import render
from django.utils import translation

from articles.addresses import site_root
from glossary import structured_data
from glossary.models import Term
from page_cache.decorators import public_page


@public_page
def index(request):
    """The glossary of the page's language: every term with its definition, other names and related article,
    in A to Z order.

    Template: glossary/index.html. Context: `terms`; `structured_data`, the terms as a schema.org
    DefinedTermSet.
    """
    language = translation.get_language()
    terms = Term.objects.filter(language=language).select_related("related_article")
    context = {"terms": terms, "structured_data": structured_data.defined_term_set(terms, site_root(request), language)}
    return render(request, "glossary/index.html", context)
