"""The checker's answers in the page's language: ``{{ value|say }}`` for any word or sentence of
``checker.anc``, ``{% url 'articles:detail' slug|article_slug %}`` for the articles a result links to."""

from django import template
from django.utils.translation import get_language, gettext

from articles.guide_slugs import slug_in
from checker import anc
from checker.fields import number_style

register = template.Library()


@register.filter
def say(value):
    """A word, sentence or ``anc.Message`` of the checker, translated, with its numbers written as the
    page's language writes them."""
    return anc.say(value, gettext, number_style())


@register.filter
def article_slug(slug):
    """The slug of the English article ``slug`` in the page's language."""
    return slug_in(get_language(), slug)
