"""The site's absolute addresses, for links that leave the site.

Canonical links, link previews, structured data, the sitemap, the feed and printed QR codes all need
full addresses. They come from the DJANGO_SITE_URL setting (SITE_URL) when it is set, so every copy of
a link names the public site whatever host a request came through; otherwise from the request itself.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.encoding import escape_uri_path

SHARE_IMAGE = "img/share-card.png"
# The share image's words are in the picture, so each language has its own; others fall back to English.
SHARE_IMAGES = {"es": "img/share-card-es.png"}


def site_root(request) -> str:
    """Return the site's root address without a trailing slash, such as "https://neutropenia.example.org"."""
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


def absolute_url(request, path: str) -> str:
    """Return `path` (an address on this site, such as "/articles/fever/") as a full address."""
    return site_root(request) + path


def canonical_url(request) -> str:
    """Return the full address of the page `request` asked for, without its query string."""
    return absolute_url(request, escape_uri_path(request.path))


def share_image_url(request) -> str:
    """Return the full address of the image that link previews show, in the page's language."""
    image = SHARE_IMAGES.get(translation.get_language(), SHARE_IMAGE)
    # urljoin keeps a STATIC_URL that is already absolute (a CDN) as it is.
    return urljoin(site_root(request) + "/", static(image))
