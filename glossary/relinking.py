"""Keep articles' glossary links in step with the glossary: a term added, renamed or removed re-renders
every article's stored HTML (their text and saved versions are untouched)."""

import threading
from contextlib import contextmanager

from articles import page_cache
from articles.markdown import render
from articles.models import Article
from glossary.terms import glossary_terms


def relink_articles():
    """Render every article's body again with the current glossary, and clear the cached pages."""
    glossary = glossary_terms()
    for article in Article.objects.only("pk", "body", "body_html"):
        html = render(article.body, glossary).html
        if html != article.body_html:
            # update(), not save(): the article's own text, its last-changed time and its versions stay as they were.
            Article.objects.filter(pk=article.pk).update(body_html=html)
    page_cache.clear()


_paused = threading.local()


@contextmanager
def relinking_paused():
    """Within this block, saving or deleting terms leaves the articles alone: for loading many terms at once,
    followed by one relink_articles()."""
    _paused.active = True
    try:
        yield
    finally:
        _paused.active = False


def relink_on_term_change(sender, **kwargs):
    """Signal receiver: a glossary term was saved or deleted."""
    if not getattr(_paused, "active", False):
        relink_articles()
