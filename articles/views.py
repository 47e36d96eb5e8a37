from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from articles import structured_data
from articles.addresses import absolute_url, site_root
from articles.models import Article, OldSlug, may_preview
from articles.search import SearchForm
from articles.search import search as search_articles
from articles.translations import translations
from glossary.search import matching_terms
from page_cache.decorators import public_page
from signoff import reviews, versions, workflow


@public_page
def home(request):
    """The guide's front page in the page's language: what it covers and its published articles in that
    language, in guide order.

    Template: articles/home.html. Context: `articles`, the published articles; `structured_data`, the
    site as a schema.org WebSite.
    """
    articles = Article.objects.published().filter(language=get_language()).in_guide_order()
    context = {"articles": articles, "structured_data": structured_data.website(site_root(request))}
    return render(request, "articles/home.html", context)


@public_page
def article_detail(request, slug):
    """One article of the page's language (the slug of another language's article is not found here) with
    its related articles and the guide's navigation (see article_page).

    The public see published articles only; staff who may view articles also see drafts, and see the
    working copy of a live article instead of its live text, under a banner saying it is not live, never
    cached. A slug the article used to have in this language answers a permanent redirect to its address.
    """
    visible = Article.objects.visible_to(request.user)
    article = visible.filter(language=get_language(), slug=slug).first()
    if article is None:
        old = (
            OldSlug.objects.filter(language=get_language(), slug=slug, article__in=visible)
            .select_related("article")
            .first()
        )
        if old is None:
            raise Http404("No article has this address.")
        return redirect(old.article, permanent=True)
    context = {"translations": translations(article, visible)}
    working = workflow.working_version(article) if may_preview(request.user) else None
    if working is not None:
        preview = versions.as_article(working, article)
        return article_page(request, preview, not_live={"version": working}, context=context)
    return article_page(request, article, not_live={} if not article.is_published else None, context=context)


def article_page(request, article, not_live=None, context=None):
    """Render `article`; `not_live` (a dict, with `version` and `preview_link` when they apply) marks a text
    patients cannot see: it is shown under a banner, kept out of search engines and never cached.

    Template: articles/article_detail.html. Context: `article`; `related`, its published related
    articles of its language; `guide`, every published article of its language in order (for the topic
    list); `previous` and `next`, its neighbours in the guide or None; `approval`, the signoff Approval of
    the live text or None; `not_live`; `structured_data`, the article as a schema.org MedicalWebPage; and
    what `context` adds (article_detail's `translations`, {language: address} of the article in each
    language the visitor may read it in).
    """
    in_its_language = Article.objects.published().filter(language=article.language)
    guide = list(in_its_language.in_guide_order().only("title", "slug", "position", "language"))
    index = next((i for i, entry in enumerate(guide) if entry.pk == article.pk), None)
    related_ids = article.related_ids if hasattr(article, "related_ids") else article.related.values("pk")
    approval = None if not_live is not None else reviews.current_approval(article)
    context = {
        **(context or {}),
        "article": article,
        "related": in_its_language.filter(pk__in=related_ids)
        .in_guide_order()
        .only("title", "slug", "summary", "language"),
        "guide": guide,
        "previous": guide[index - 1] if index else None,
        "next": guide[index + 1] if index is not None and index + 1 < len(guide) else None,
        "approval": approval,
        "not_live": not_live,
        "structured_data": structured_data.medical_web_page(article, site_root(request), approval),
    }
    response = render(request, "articles/article_detail.html", context)
    if not_live is not None:
        add_never_cache_headers(response)
    return response


def search(request):
    """Search the published articles of the page's language: `?q=` words; an empty search shows the form
    and a hint.

    Template: articles/search.html. Context: `form`, the SearchForm; `query`, the cleaned words ("" when
    there is none or the form has errors); `results`, a list of articles.search.Result, or None when no
    search ran; `terms`, the glossary terms that match (glossary.search).
    """
    form = SearchForm(request.GET if "q" in request.GET else None)
    query, results, terms = "", None, []
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        results = search_articles(query, get_language())
        terms = matching_terms(query)
    context = {"form": form, "query": query, "results": results, "terms": terms}
    return render(request, "articles/search.html", context)


@public_page
@require_safe
def robots_txt(request):
    """Tell crawlers where the sitemap is and to keep out of the admin."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Sitemap: {absolute_url(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
