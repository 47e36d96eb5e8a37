import pytest
from django.core.management import call_command

from articles.guide_slugs import TRANSLATED_SLUGS
from articles.models import Article

# The Spanish guide's slugs (the brief's table), by the English article each translates.
SPANISH_SLUGS = TRANSLATED_SLUGS["es"]


@pytest.fixture
def bundled_guide(db, make_article):
    """The bundled articles imported, with a Spanish article at each Spanish slug: the bundled ones where the
    import brings them, a short stand-in translation of the English article otherwise."""
    call_command("import_articles", verbosity=0)
    for english, spanish in SPANISH_SLUGS.items():
        if not Article.objects.filter(language="es", slug=spanish).exists():
            source = Article.objects.get(language="en-gb", slug=english)
            make_article(
                title=f"{source.title} (es)",
                slug=spanish,
                language="es",
                translation_of=source,
                body="## Qué es\n\nLa neutropenia es tener pocos neutrófilos. La quimioterapia puede causarla.\n",
            )
