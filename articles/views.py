from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from articles import anc
from articles.forms import CountForm
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


@never_cache
@sensitive_post_parameters(*CountForm.base_fields)
@require_http_methods(["GET", "HEAD", "POST"])
def neutrophil_count(request):
    """The count checker: GET shows the form; POST answers on the same page, above the form again.

    Template: articles/neutrophil_count.html. Context: `form`, a CountForm; `question`, an
    anc.UnitQuestion when a number looks written in the other unit; `result`, an anc.Interpretation
    when the form was valid and no question is open; `sources`, anc.SOURCES.

    What is typed is health data: it arrives only by POST, is never stored or logged, is hidden from
    error reports, and the page is sent with Cache-Control: no-store.
    """
    form = CountForm(request.POST if request.method == "POST" else None)
    question = result = None
    if form.is_valid():
        question = form.unit_question
        result = None if question else form.interpret()
    context = {"form": form, "question": question, "result": result, "sources": anc.SOURCES}
    return render(request, "articles/neutrophil_count.html", context)
