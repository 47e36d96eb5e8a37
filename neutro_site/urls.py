from django.conf.urls.i18n import i18n_patterns
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
]

# The pages a visitor reads, in every language: English at the addresses it always had, Spanish under /es/.
urlpatterns += i18n_patterns(
    path("", include("checker.urls")),
    path("", include("feedback.urls")),
    path("", include("handouts.urls")),
    path("", include("glossary.urls")),
    path("", include("articles.urls")),
    prefix_default_language=False,
)
