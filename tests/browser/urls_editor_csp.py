"""The site's URLs plus an admin site with the markdownx editor on articles and markdownx's two endpoints,
so the browser test can drive the editor under the site's Content-Security-Policy before the editors'
own admin (issue 4) is merged. Test-only: the site itself routes the endpoints for staff only."""

from django.contrib import admin
from django.urls import include, path
from markdownx.admin import MarkdownxModelAdmin

from articles.models import Article
from neutro_site.urls import urlpatterns as site_urlpatterns

editor_site = admin.AdminSite(name="editor_csp")
editor_site.register(Article, MarkdownxModelAdmin)

urlpatterns = [
    path("editor-admin/", editor_site.urls),
    path("markdownx/", include("markdownx.urls")),
    *site_urlpatterns,
]
