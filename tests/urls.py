"""The site's URLconf plus views that exist only for tests (use with @pytest.mark.urls("tests.urls")):

- /boom/ fails, to see the site's 500 page (/es/boom/ in Spanish);
- /database-lost/ (and /es/database-lost/) loses the database, to see the site's 503 page;
- /looks-at-the-visitor/ and /varies-on-language/ are public pages that vary on a request header, to see
  which the page cache keeps;
- /save-with-related/ writes several rows and fails half-way when asked, to see requests commit whole.
"""

from django.conf.urls.i18n import i18n_patterns
from django.db import OperationalError
from django.http import HttpResponse
from django.urls import path
from django.utils.cache import patch_vary_headers

from articles.models import Article
from neutro_site.urls import urlpatterns as site_urlpatterns
from page_cache.decorators import public_page

served = {"count": 0}


def fail(request):
    return 1 / 0


def lose_the_database(request):
    raise OperationalError("server closed the connection unexpectedly")


def counted(request, vary):
    """Answer with how many times this view has run, varying on the `vary` request header."""
    served["count"] += 1
    response = HttpResponse(f"run {served['count']}; signed in: {request.user.is_authenticated}")
    patch_vary_headers(response, [vary])
    return response


def save_with_related(request):
    """Save an article, link it to another, and fail afterwards if asked: a save that dies half-way."""
    first = Article.objects.create(title="First", slug="first", summary="S.", body="B.", status="published")
    second = Article.objects.create(title="Second", slug="second", summary="S.", body="B.", status="published")
    first.related.add(second)
    if request.GET.get("fail"):
        raise RuntimeError("the save failed after its first rows")
    return HttpResponse("saved")


urlpatterns = [
    *site_urlpatterns,
    *i18n_patterns(
        path("boom/", fail),
        path("database-lost/", lose_the_database),
        prefix_default_language=False,
    ),
    path("looks-at-the-visitor/", public_page(counted), {"vary": "Cookie"}),
    path("varies-on-language/", public_page(counted), {"vary": "Accept-Language"}),
    path("save-with-related/", save_with_related),
]
