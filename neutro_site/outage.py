"""Answer a friendly 503 page, not a 500, while the database cannot be reached."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

# How long a browser or crawler is asked to wait before trying again, in seconds.
RETRY_AFTER = 30


class DatabaseOutageMiddleware:
    """Turn a lost database connection raised by a view into a 503 page that asks the reader to retry.

    Nothing needs resetting afterwards: with CONN_HEALTH_CHECKS on, Django drops a broken connection and
    opens a new one on the next request, so the site recovers by itself when the database returns. The
    page is drawn without the request's context, as the 500 page is, so it needs no database.
    """

    outage_errors = (OperationalError, InterfaceError)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, self.outage_errors):
            return None
        # The path and the error's class only: never the query or its parameters.
        logger.error("Database unavailable while serving %s: %s", request.path, type(exception).__name__)
        return outage_response()


def outage_response():
    """The 503 page, marked never to be cached and to be retried in RETRY_AFTER seconds."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response
