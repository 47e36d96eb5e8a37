"""How many feedback posts one address may send: counted in the cache, under a keyed hash of the address.

The address itself is never stored anywhere, not even in the cache: the key is an HMAC of it with the
site's secret, and the count expires after the hour it covers.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 60 * 60


def throttle_key(address):
    return "feedback-throttle:" + salted_hmac("feedback.throttle", address).hexdigest()


def allow(address):
    """Count one post from `address`; whether it is within FEEDBACK_POSTS_PER_HOUR.

    With the cache down every post is allowed: losing the limit for a while is better than losing answers.
    """
    key = throttle_key(address)
    try:
        cache.add(key, 0, timeout=WINDOW_SECONDS)
        count = cache.incr(key)
    except Exception:
        logger.warning("The cache is unavailable: feedback posts are not throttled", exc_info=True)
        return True
    return count <= settings.FEEDBACK_POSTS_PER_HOUR
