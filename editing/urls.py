"""The editor's endpoints at the paths the markdownx widget posts to, and the uploaded images.

Included at the site's root without a namespace, so the names stay "editor_preview" and so on.
markdownx.urls is deliberately not included: its views answer anyone (see editing/views.py).
"""

from django.conf import settings
from django.urls import path

from editing import views


def settings_path(url):
    """A URL pattern for an absolute path kept in settings ("/editor/preview/" → "editor/preview/")."""
    return url.lstrip("/")


urlpatterns = [
    path(settings_path(settings.MARKDOWNX_URLS_PATH), views.preview, name="editor_preview"),
    path(settings_path(settings.MARKDOWNX_UPLOAD_URLS_PATH), views.upload_image, name="editor_upload_image"),
    path("editor/reading-level/", views.reading_level, name="editor_reading_level"),
    path("editor/checks/", views.publishing_checks_view, name="editor_publishing_checks"),
    path("editor/presence/<int:article_id>/", views.editing_presence, name="editor_presence"),
    path(
        settings_path(settings.MEDIA_URL + settings.MARKDOWNX_MEDIA_PATH) + "<str:name>",
        views.uploaded_image,
        name="uploaded_image",
    ),
]
