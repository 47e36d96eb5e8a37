"""Print how many database queries one anonymous GET of a page makes when nothing is cached.

    python -m scripts.query_count /articles/overview/

Runs against the database and settings of the environment it is started in (make bench starts it with
its temporary site's). The page cache is switched off for the count with Django's DummyCache.
"""

import os
import sys

import django


def count_queries(path):
    """Return the SQL of every query a fresh, cookie-less GET of `path` makes with no cache."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    no_cache = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    with override_settings(CACHES=no_cache), CaptureQueriesContext(connection) as queries:
        response = Client().get(path, HTTP_HOST="127.0.0.1")
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return [query["sql"] for query in queries.captured_queries]


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "neutro_site.settings")
    django.setup()
    queries = count_queries(sys.argv[1])
    for sql in queries:
        print(sql, file=sys.stderr)
    print(len(queries))
