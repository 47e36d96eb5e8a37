from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.sitemaps import sitemaps
from articles.views import robots_txt
from glossary.sitemaps import GlossarySitemap
from neutro_site.health import healthz
from page_cache.decorators import public_page

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("editing.urls")),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": {**sitemaps, "glossary": GlossarySitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("", include("signoff.urls")),
    path("", include("checker.urls")),
    path("", include("feedback.urls")),
    path("", include("handouts.urls")),
    path("", include("glossary.urls")),
    path("", include("articles.urls")),
]
