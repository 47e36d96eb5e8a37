"""The load balancer's health check."""

from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

# "SELECT 1" proves a database server answers. SQLite has no server and answers it without opening the
# file, so there the check reads the file's schema, which fails while the file is locked or gone.
CHECK_QUERY = {"sqlite": "SELECT count(*) FROM sqlite_master"}


@never_cache
@require_safe
@transaction.non_atomic_requests
def healthz(request):
    """200 "ok" when the database answers a query (`SELECT 1`), 503 "database unavailable" otherwise.

    Plain text, a few bytes, never cached; it touches no session and renders no template, so a load
    balancer may call it every second. It is left out of ATOMIC_REQUESTS so that an outage reaches this
    view and gets its short answer, not the readers' 503 page.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute(CHECK_QUERY.get(connection.vendor, "SELECT 1"))
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
