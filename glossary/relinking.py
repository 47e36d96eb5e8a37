"""Keep articles' glossary links in step with the glossary: a term added, renamed or removed renders every
article's stored HTML again (their text, saved versions and change dates are untouched)."""

import threading
from contextlib import contextmanager

from django.db import transaction

from articles.models import Article
from page_cache import invalidation


def relink_articles():
    """Render every article's body again with the current glossary, and clear the cached pages (the
    glossary page shows the terms even when no article changed)."""
    with transaction.atomic():
        Article.objects.render_again()
    invalidation.clear()


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
