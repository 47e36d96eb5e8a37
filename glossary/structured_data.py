"""The glossary as schema.org data (JSON-LD): a DefinedTermSet of DefinedTerms."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _


def defined_term_set(terms, root: str) -> dict:
    """`terms` (glossary Terms) as a schema.org `DefinedTermSet` in the active language; `root` is the site's
    address."""
    url = root + reverse("glossary:index")
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": url,
        "name": _("Neutropenia guide: glossary"),
        "url": url,
        "inLanguage": translation.to_locale(translation.get_language()).replace("_", "-"),
        "hasDefinedTerm": [
            {
                "@type": "DefinedTerm",
                "@id": root + term.get_absolute_url(),
                "name": term.term,
                **({"alternateName": term.alternate_names} if term.alternate_names else {}),
                "description": term.definition,
                "url": root + term.get_absolute_url(),
                "inDefinedTermSet": url,
            }
            for term in terms
        ],
    }
