"""The checker's answers in the page's language: ``{{ value|say }}`` for any word or sentence of
``checker.anc``, ``{% url 'articles:detail' slug|article_slug %}`` for the articles a result links to."""

from django import template
from django.utils.translation import get_language, gettext

from checker import anc
from checker.fields import number_style

register = template.Library()

# Each language's slugs for the articles a result links to, where they are not the English ones: the
# Spanish slugs the guide's articles/content/es/ files are published under.
ARTICLE_SLUGS = {
    "es": {
        "precautions": "precauciones",
        "treatment": "tratamiento",
        "diagnosis": "diagnostico",
        "blood-test": "analisis-de-sangre",
        "children": "ninos",
        "fever": "fiebre",
    },
}


@register.filter
def say(value):
    """A word, sentence or ``anc.Message`` of the checker, translated, with its numbers written as the
    page's language writes them."""
    return anc.say(value, gettext, number_style())


@register.filter
def article_slug(slug):
    """The slug of the English article ``slug`` in the page's language."""
    return ARTICLE_SLUGS.get(get_language(), {}).get(slug, slug)
