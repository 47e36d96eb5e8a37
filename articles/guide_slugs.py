"""The bundled guide's slugs in each language, by the English article's slug.

For the pages that link the guide without asking the database (the checker's answers, the fever card's QR
code): they name the English slug, and this gives the address's slug in the page's language. The files in
articles/content/<language>/ are published under these slugs (tests/articles/test_spanish_content.py).
"""

TRANSLATED_SLUGS = {
    "es": {
        "overview": "que-es-la-neutropenia",
        "causes": "causas",
        "symptoms": "sintomas",
        "diagnosis": "diagnostico",
        "blood-test": "analisis-de-sangre",
        "treatment": "tratamiento",
        "precautions": "precauciones",
        "fever": "fiebre",
        "children": "ninos",
    },
}


def translated(language: str) -> bool:
    """Whether the bundled guide has its own articles in `language` (English is the source)."""
    return language in TRANSLATED_SLUGS


def slug_in(language: str, english_slug: str) -> str:
    """The slug of the bundled article `english_slug` in `language`; the English slug where it has no other."""
    return TRANSLATED_SLUGS.get(language, {}).get(english_slug, english_slug)
