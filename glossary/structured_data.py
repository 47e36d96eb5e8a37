"""The glossary as schema.org data (JSON-LD): a DefinedTermSet of DefinedTerms."""

from django.urls import reverse

from articles.structured_data import SITE_NAME


def defined_term_set(terms, root: str) -> dict:
    """`terms` (glossary Terms) as a schema.org `DefinedTermSet`; `root` is the site's address."""
    url = root + reverse("glossary:index")
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": url,
        "name": f"{SITE_NAME}: glossary",
        "url": url,
        "inLanguage": "en-GB",
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
