from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles import editor_views
from articles.page_cache import public_page
from articles.sitemaps import sitemaps
from articles.views import robots_txt
from glossary.sitemaps import GlossarySitemap
from neutro_site.health import healthz


def settings_path(url):
    """A URL pattern for an absolute path kept in settings ("/editor/preview/" → "editor/preview/")."""
    return url.lstrip("/")


urlpatterns = [
    path("admin/", admin.site.urls),
    # The markdownx widget posts to these settings' paths; markdownx.urls is deliberately not included.
    path(settings_path(settings.MARKDOWNX_URLS_PATH), editor_views.preview, name="editor_preview"),
    path(settings_path(settings.MARKDOWNX_UPLOAD_URLS_PATH), editor_views.upload_image, name="editor_upload_image"),
    path("editor/reading-level/", editor_views.reading_level, name="editor_reading_level"),
    path(
        settings_path(settings.MEDIA_URL + settings.MARKDOWNX_MEDIA_PATH) + "<str:name>",
        editor_views.uploaded_image,
        name="uploaded_image",
    ),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": {**sitemaps, "glossary": GlossarySitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("", include("feedback.urls")),
    path("", include("handouts.urls")),
    path("", include("glossary.urls")),
    path("", include("articles.urls")),
]
