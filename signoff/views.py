from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from articles.views import article_page
from signoff import preview_links, versions


@require_safe
def preview(request, token):
    """A version of an article for an outside reviewer, by a signed link: no account needed, never cached,
    kept out of search engines, under a banner naming the version and when the link expires.

    Template: articles/article_detail.html (see articles.views.article_page), with `preview_link`.
    A tampered, expired or revoked link gets signoff/preview_unusable.html with status 404 and the reason.
    """
    try:
        link = preview_links.find(token)
    except preview_links.Unusable as reason:
        response = render(request, "signoff/preview_unusable.html", {"reason": str(reason)}, status=404)
    else:
        article = versions.as_article(link.version, link.article)
        response = article_page(request, article, not_live={"version": link.version, "preview_link": link})
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
