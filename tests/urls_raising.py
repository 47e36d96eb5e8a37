"""The site's URLconf plus one view that fails, to see the site's 500 page."""

from django.urls import path

from neutro_site.urls import urlpatterns as site_urlpatterns


def fail(request):
    return 1 / 0


urlpatterns = [*site_urlpatterns, path("boom/", fail)]
