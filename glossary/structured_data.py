"""The glossary as schema.org data (JSON-LD): a DefinedTermSet of DefinedTerms."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from articles.structured_data import SITE_NAME


def language_tag(code: str) -> str:
    """A language code as schema.org's inLanguage writes it (BCP 47): "en-gb" → "en-GB", "es" → "es"."""
    return translation.to_locale(code).replace("_", "-")


def defined_term_set(terms, root: str, language: str = settings.LANGUAGE_CODE) -> dict:
    """`terms` (glossary Terms of `language`) as a schema.org `DefinedTermSet` in that language; `root` is the
    site's address."""
    with translation.override(language):
        url = root + reverse("glossary:index")
        name = gettext("%(site)s: glossary") % {"site": str(SITE_NAME)}
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": url,
        "name": name,
        "url": url,
        "inLanguage": language_tag(language),
        "hasDefinedTerm": [
            {
                "@type": "DefinedTerm",
                "@id": root + term.get_absolute_url(),
                "name": term.term,
                **({"alternateName": term.alternate_names} if term.alternate_names else {}),
                "description": term.definition,
                "inLanguage": language_tag(term.language),
                "url": root + term.get_absolute_url(),
                "inDefinedTermSet": url,
            }
            for term in terms
        ],
    }
