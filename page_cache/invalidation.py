"""Clearing the whole-page cache: every kept page is filed under a generation token, and a new token
retires them all at once, in every process that shares the cache.

The app whose data the pages show decides when to clear (articles/receivers.py clears on every article
change); nothing here knows which models a page shows.
"""

import logging
import time
import uuid

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"


def clear():
    """Stop serving every cached page, now and again when the current transaction commits.

    Clearing now covers work outside a transaction; clearing at commit drops a page another worker may
    have rendered from the old rows while the transaction was still open.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def current_generation():
    """The token the current pages are filed under (None when the cache keeps nothing, as DummyCache).

    Its leading number is the time of the last change, in whole seconds: every page's Last-Modified.
    """
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # add() keeps whichever worker's token arrived first, so all workers agree on one.
        cache.add(GENERATION_KEY, _generation_token(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _new_generation():
    try:
        cache.set(GENERATION_KEY, _generation_token(), timeout=None)
    except Exception:
        # The editor's save stands; only the cached copies may lag, for at most PAGE_CACHE_SECONDS.
        logger.error("The page cache is unavailable: cached pages could not be cleared", exc_info=True)


def _generation_token():
    # The time of the change leads the token: it is every page's Last-Modified until the next change.
    return f"{int(time.time())}-{uuid.uuid4().hex}"
