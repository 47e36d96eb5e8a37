"""Whether a post came from one of this site's own pages, judged by its Origin (or Referer) header.

The feedback form has no CSRF token (cached pages are the same for everyone, so none could be right),
so this check stands in for it: a browser always names the page's origin on a cross-site post, and
another site's page cannot send one in this site's name.
"""

from urllib.parse import urlsplit

from articles.addresses import site_root


def origin_of(address):
    parts = urlsplit(address)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else None


def from_this_site(request):
    """Whether `request` names this site as where it came from: its Origin header, or its Referer when a
    browser sent no Origin. A request that names neither is refused."""
    ours = {origin_of(site_root(request)), origin_of(f"{request.scheme}://{request.get_host()}")}
    origin = request.headers.get("Origin")
    if origin:
        return origin.lower() in ours
    referer = request.headers.get("Referer")
    return bool(referer) and origin_of(referer) in ours
