"""The site's URLconf plus public pages that vary on a request header, to see which the page cache keeps."""

from django.http import HttpResponse
from django.urls import path
from django.utils.cache import patch_vary_headers

from articles.page_cache import public_page
from neutro_site.urls import urlpatterns as site_urlpatterns

served = {"count": 0}


def counted(request, vary):
    """Answer with how many times this view has run, varying on the `vary` request header."""
    served["count"] += 1
    response = HttpResponse(f"run {served['count']}; signed in: {request.user.is_authenticated}")
    patch_vary_headers(response, [vary])
    return response


urlpatterns = [
    *site_urlpatterns,
    path("looks-at-the-visitor/", public_page(counted), {"vary": "Cookie"}),
    path("varies-on-language/", public_page(counted), {"vary": "Accept-Language"}),
]
