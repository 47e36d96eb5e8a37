from django.shortcuts import get_object_or_404, render

from articles.models import Article


def home(request):
    """The guide's front page: what it covers and its published articles in guide order.

    Template: articles/home.html. Context: `articles`, the published articles.
    """
    articles = Article.objects.published().in_guide_order()
    return render(request, "articles/home.html", {"articles": articles})


def article_detail(request, slug):
    """One published article with its related articles and the guide's navigation.

    Template: articles/article_detail.html. Context: `article`; `related`, its published related
    articles; `guide`, every published article in order (for the topic list); `previous` and `next`,
    its neighbours in the guide or None.
    """
    article = get_object_or_404(Article.objects.published(), slug=slug)
    guide = list(Article.objects.published().in_guide_order().only("title", "slug", "position"))
    index = next(i for i, entry in enumerate(guide) if entry.pk == article.pk)
    context = {
        "article": article,
        "related": article.related.published().in_guide_order().only("title", "slug", "summary"),
        "guide": guide,
        "previous": guide[index - 1] if index > 0 else None,
        "next": guide[index + 1] if index + 1 < len(guide) else None,
    }
    return render(request, "articles/article_detail.html", context)
