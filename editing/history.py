"""The admin's history pages beyond django-reversion's own: comparing any two saved versions of an article
(or one with the current text), and the site-wide list of recent changes.

Reached through the admin (ArticleAdmin.get_urls), which checks the visitor is logged-in staff; both pages
also need permission to view or change articles.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from articles.models import Article, article_or_404
from editing import versions
from signoff import versions as signoff_versions

CHOOSE_TWO = "Choose two saved versions of this article to compare: the links on its History page choose them for you."
CHANGES_PER_PAGE = 50


def may_read_articles(user):
    """Refuse (403) a user who may neither view nor change articles."""
    if not (user.has_perm("articles.view_article") or user.has_perm("articles.change_article")):
        raise PermissionDenied


def chosen_version(article, value):
    """The saved version of `article` whose id is `value` (text from the address), or None if there is none."""
    if not str(value or "").isdigit():
        return None
    return versions.version_of(article, int(value))


def compare(request, object_id, version_id=None):
    """Two saved versions of an article, or one (`version_id`, or ?old=) with the current text (its working
    copy, when it has one), as a diff per field, the words that changed marked, with links to restore them.

    ?old=<version id>&new=<version id> compares two versions, the earlier as "removed"; without `new` the second
    is the current text. Template: admin/articles/article/compare.html. Context: the admin's own, plus `older`,
    `newer` (None for the current text), `changes` and `unchanged` (editing.versions.comparison), `opts`,
    `original` (the article), `title`, and `error` (a message, status 400) when the versions asked for are not
    this article's.
    """
    may_read_articles(request.user)
    article = article_or_404(object_id)
    context = {
        **admin.site.each_context(request),
        "opts": Article._meta,
        "original": article,
        "title": f"Compare two versions of “{article}”",
    }
    older = chosen_version(article, version_id or request.GET.get("old"))
    newer = chosen_version(article, request.GET["new"]) if older and request.GET.get("new") else None
    if older is None or (request.GET.get("new") and newer is None):
        return TemplateResponse(
            request, "admin/articles/article/compare.html", {**context, "error": CHOOSE_TWO}, status=400
        )
    if newer is None:
        new_values = versions.current_values(signoff_versions.editors_text(article))
    else:
        older, newer = sorted([older, newer], key=versions.saved_order)
        new_values = newer.field_dict
    context.update(older=older, newer=newer, **versions.comparison(older.field_dict, new_values))
    return TemplateResponse(request, "admin/articles/article/compare.html", context)


def recent_changes(request):
    """Every saved version of every article, the latest first, 50 a page (?page=): who saved which article,
    when, which fields changed, linking to the comparison with the version before.

    Template: admin/articles/article/recent_changes.html. Context: the admin's own, plus `changes` (a
    versions.RecentChange each), `page` (the Paginator's page), `opts` and `title`.
    """
    may_read_articles(request.user)
    page = Paginator(versions.versions_of_articles(), CHANGES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        **admin.site.each_context(request),
        "opts": Article._meta,
        "title": "Recent changes to articles",
        "page": page,
        "changes": [versions.recent_change(version) for version in page],
    }
    return TemplateResponse(request, "admin/articles/article/recent_changes.html", context)
