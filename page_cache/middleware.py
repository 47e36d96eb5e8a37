"""The whole-page cache's middleware: public pages kept as finished bytes in the shared cache and served
before most middleware.

A view opts in with `@public_page` (page_cache/decorators.py), promising its answer is the same for every
visitor. The middleware keeps such an answer only when nothing personal can be in it (no session, CSRF or
message cookie came in, no cookie goes out, a plain 200 to an anonymous GET without a query string) and
serves it again to the next such GET or HEAD of the same address, plain or gzipped, with an ETag (a hash
of the bytes) and Last-Modified (the time of the last change) so a browser that has it gets a 304. Shared
caches (nginx in front, deploy/nginx/) may keep it for EDGE_CACHE_SECONDS.

Every stored page is filed under a generation token kept in the same cache; page_cache/invalidation.py
replaces the token, so every gunicorn worker and every app server sharing the cache stops serving the old
pages at once.
"""

import gzip
import hashlib
import logging
import time
from typing import NamedTuple

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.urls import get_script_prefix
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import http_date, parse_header_parameters

from page_cache.invalidation import current_generation

logger = logging.getLogger(__name__)

# Headers the browser needs again on a cached answer. Security headers are not kept: the middleware
# above this one adds them to every answer, cached or not.
KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Frame-Options", "X-Robots-Tag")
# How many pages each process also keeps in its own memory: the whole guide with room to spare.
LOCAL_COPIES = 200


class KeptPage(NamedTuple):
    """A page as the cache keeps it: its headers, its bytes plain and gzipped, and when it last changed."""

    headers: dict
    content: bytes
    gzipped: bytes | None
    last_modified: int


class PageCacheMiddleware:
    """Serve and keep whole public pages; see the module docstring for what is kept and when."""

    def __init__(self, get_response):
        self.get_response = get_response
        # The cookies that can make a page personal: a signed-in session, a form token, a flash message.
        self.no_cache_cookies = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, CookieStorage.cookie_name)
        self.local_copies = {}  # key: (time.monotonic() deadline, KeptPage)

    def __call__(self, request):
        try:
            key = self.page_key(request)
            kept = None if key is None else self.find(key)
        except Exception:
            # The cache being down must not take the site down: render every page as if nothing were cached.
            logger.warning("The page cache is unavailable; serving pages uncached", exc_info=True)
            key = kept = None
        if kept is not None:
            return self.replay(request, kept)
        response = self.get_response(request)
        if key is None or not self.may_keep(request, response):
            return response
        return self.replay(request, self.keep(response, key))

    def page_key(self, request):
        """Return the cache key of the page `request` asks for, or None when it must not be cached."""
        # A query string is never cached: it would let anyone fill the cache with copies of one page.
        if request.method not in {"GET", "HEAD"} or request.META.get("QUERY_STRING"):
            return None
        if any(name in request.COOKIES for name in self.no_cache_cookies):
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None  # CommonMiddleware answers it with a 400
        # Absolute links name SITE_URL when it is set, else the request's scheme and host (port included).
        # The view was chosen by path_info, and its links start with the script prefix: a client on
        # loopback could set SCRIPT_NAME through gunicorn, so both are in the key, never request.path.
        site = settings.SITE_URL or f"{request.scheme}://{host}"
        address = f"{site}|{get_script_prefix()}|{request.path_info}"
        generation = current_generation()
        if generation is None:
            return None  # a cache that keeps nothing (DummyCache)
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"page-cache:{generation}:{digest}"

    def may_keep(self, request, response):
        """Whether `response` is the same for every visitor: a view's public answer with nothing personal in it."""
        if request.method != "GET" or not getattr(response, "is_public_page", False):
            return False
        if response.status_code != 200 or response.streaming:
            return False
        if response.cookies:
            return False
        # The key holds only the address, so an answer that varies on a request header cannot be shared;
        # except Cookie, which a view varies on when it looks at the visitor (staff see drafts): requests
        # carrying any cookie that could make the page personal are never served from the cache.
        if set(cc_delim_re.split(response.get("Vary", "").lower())) - {"", "cookie"}:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        user = getattr(request, "user", None)
        return user is None or not user.is_authenticated

    def keep(self, response, key):
        """Store `response` under `key` as a KeptPage with its validators, and return that KeptPage."""
        headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        # Weak: the plain and the gzip bytes are one page to a browser revalidating its copy.
        headers["ETag"] = f'W/"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        # Browsers ask again each time (a 304 when nothing changed), so an editor's save shows at once;
        # nginx in front may keep the page a few seconds, and one request refreshes it while the others
        # get the kept copy, so a change shows through it within twice that.
        seconds = settings.EDGE_CACHE_SECONDS
        headers["Cache-Control"] = f"max-age=0, s-maxage={seconds}, stale-while-revalidate={seconds}"
        headers["Vary"] = ", ".join(filter(None, [response.get("Vary"), "Accept-Encoding"]))
        # No secret is ever in a kept page (nothing personal, no form token), so compressing it is safe
        # from BREACH; doing it once here spares every later request the work.
        compressed = gzip.compress(response.content, compresslevel=9, mtime=0)
        page = KeptPage(
            headers=headers,
            content=response.content,
            gzipped=compressed if len(compressed) < len(response.content) else None,
            last_modified=int(key.split(":")[1].split("-")[0]),
        )
        cache.set(key, page, timeout=settings.PAGE_CACHE_SECONDS)
        self.copy_locally(key, page)
        return page

    def find(self, key):
        """Return the KeptPage stored under `key`, from this process's copies or the shared cache, or None."""
        deadline, page = self.local_copies.get(key, (0, None))
        if deadline > time.monotonic():
            return page
        page = cache.get(key)
        if page is not None:
            self.copy_locally(key, page)
        return page

    def copy_locally(self, key, page):
        # What is filed under a key never changes (a change files pages under a new generation), so this
        # process may keep its own copy and spare itself reading and unpickling the shared one.
        if len(self.local_copies) >= LOCAL_COPIES:
            self.local_copies.clear()
        self.local_copies[key] = (time.monotonic() + settings.PAGE_CACHE_SECONDS, page)

    def replay(self, request, page):
        """Answer `request` with a kept page (gzip when the browser takes it), or 304 when its copy is current."""
        if page.gzipped is not None and accepts_gzip(request):
            response = HttpResponse(page.gzipped, headers=page.headers)
            response["Content-Encoding"] = "gzip"
        else:
            response = HttpResponse(page.content, headers=page.headers)
        response["Last-Modified"] = http_date(page.last_modified)
        response["Content-Length"] = str(len(response.content))
        if "HTTP_IF_NONE_MATCH" not in request.META and "HTTP_IF_MODIFIED_SINCE" not in request.META:
            return response
        return get_conditional_response(
            request, etag=page.headers["ETag"], last_modified=page.last_modified, response=response
        )


def accepts_gzip(request):
    """Whether the request's Accept-Encoding names gzip with a quality above zero ("gzip;q=0" refuses it)."""
    for coding in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, parameters = parse_header_parameters(coding)
        if name == "gzip":
            try:
                return float(parameters.get("q", "1")) > 0
            except ValueError:
                return False
    return False
