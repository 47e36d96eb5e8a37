from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_safe

from articles import guide_slugs
from articles.addresses import absolute_url
from articles.models import Article
from handouts import codes, sections
from handouts.forms import FeverCardForm, HandoutForm, article_parts

FEVER_ARTICLE = "fever"  # the English slug; its slug in each language is fixed, so a card needs no database


def fever_article_path(language=None):
    """The address of the fever article in `language` (the active one by default), which every card's QR
    code opens; the English article's in a language without its own."""
    language = language or translation.get_language()
    if not guide_slugs.translated(language):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        return reverse("articles:detail", kwargs={"slug": guide_slugs.slug_in(language, FEVER_ARTICLE)})


def fever_article_url(request):
    """The full address of the fever article in the page's language."""
    return absolute_url(request, fever_article_path())


@never_cache
@sensitive_post_parameters(*FeverCardForm.base_fields)
@require_http_methods(["GET", "HEAD", "POST"])
@transaction.non_atomic_requests
@sensitive_variables()
def fever_card(request):
    """My fever card: GET shows the form; a valid POST answers with the card, ready to print.

    Template: handouts/fever_card.html. Context: `form`, a FeverCardForm; `card`, its cleaned data when
    the form was valid (else None); `fever_article_path` and `fever_article_url`.

    The numbers typed are the person's own: they arrive only by POST, are never stored or logged (hidden
    from error reports too), and the answer is sent with Cache-Control: no-store. No database is needed.
    """
    form = FeverCardForm(request.POST if request.method == "POST" else None)
    card = form.cleaned_data if form.is_valid() else None
    context = {
        "form": form,
        "card": card,
        "fever_article_path": fever_article_path(),
        "fever_article_url": fever_article_url(request),
    }
    return render(request, "handouts/fever_card.html", context)


@require_safe
def handout_builder(request):
    """The clinician's page: tick articles or parts of them and their order, then go to the handout.

    Template: handouts/handout_builder.html. Context: `form`, a HandoutForm of every published article in
    the page's language.
    A valid choice (sent with GET: it is not personal) redirects to the handout's own address.
    """
    published = Article.objects.published().filter(language=translation.get_language()).in_guide_order()
    articles = [(article, article_parts(article)) for article in published]
    form = HandoutForm(request.GET or None, articles=articles)
    if form.is_valid():
        return redirect("handouts:handout", code=codes.encode(form.cleaned_data["picks"]))
    return render(request, "handouts/handout_builder.html", {"form": form})


@require_safe
def handout(request, code):
    """A printable handout: the articles and parts its code names, in its order, then a fever card.

    Template: handouts/handout.html. Context: `items`, a list of dicts (`article`, `url` its full address,
    `parts`: the HTML of the parts chosen, `whole`); `handout_url`; `fever_article_url`. A code that is not
    a handout's, or names an article or section the guide no longer has, answers 404 with a message.
    """
    try:
        picks = codes.decode(code)
    except codes.InvalidCode:
        return handout_not_found(request, _("This is not the address of a handout. Check that it was copied whole."))
    published = Article.objects.published().in_bulk([pick.article_id for pick in picks])
    items = []
    for pick in picks:
        article = published.get(pick.article_id)
        if article is None:
            return handout_not_found(request, _("This handout lists a page the guide no longer has."))
        available = sections.parts(article.body_html)
        if any(key not in available for key in pick.parts):
            reason = _("This handout lists a part of “%(title)s” that has changed.") % {"title": article.title}
            return handout_not_found(request, reason)
        chosen = [available[key] for key in pick.parts] if pick.parts else [article.body_html]
        items.append(
            {
                "article": article,
                "url": absolute_url(request, article.get_absolute_url()),
                "parts": [sections.for_print(html) for html in chosen],
                "whole": not pick.parts,
            }
        )
    context = {
        "items": items,
        "handout_url": absolute_url(request, request.path),
        "fever_article_url": fever_article_url(request),
    }
    return render(request, "handouts/handout.html", context)


def handout_not_found(request, reason):
    return render(request, "handouts/handout_not_found.html", {"reason": reason}, status=404)
