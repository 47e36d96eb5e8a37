"""The checks before publishing (editing/checks.py) run against this site's articles, and the medical words
and glossary of the article's language."""

from django.conf import settings

from articles.models import Article, OldSlug
from editing.checks import LinkedArticle, check
from editing.models import MedicalWord
from glossary.models import Term

MISSING_ARTICLE_LINKS = (
    "Correct or remove the links to articles that do not exist before this page goes to patients: "
    "{links}. Your changes are saved in the working copy."
)


def prefix_language(prefix):
    """The language whose addresses start with `prefix` ("" is the default language's, "/es" Spanish's), or None."""
    code = prefix.strip("/") or settings.LANGUAGE_CODE
    return code if code in dict(settings.LANGUAGES) else None


def find_article(prefix, slug):
    """Where <prefix>/articles/<slug>/ leads on this site: the article of that prefix's language with that slug
    or old slug, or None."""
    language = prefix_language(prefix)
    if language is None:
        return None
    article = Article.objects.filter(language=language, slug=slug).first()
    if article is None:
        old = OldSlug.objects.filter(slug=slug, article__language=language).select_related("article").first()
        article = old.article if old else None
    if article is None:
        return None
    return LinkedArticle(slug=article.slug, live=Article.objects.published().filter(pk=article.pk).exists())


def problems(markdown, language=settings.LANGUAGE_CODE):
    """Every problem the checks find in `markdown`, an article in `language`, in line order."""
    words = dict(MedicalWord.objects.filter(language=language).values_list("word", "plain"))
    defined = {name.lower() for term in Term.objects.filter(language=language) for name in term.names}
    return check(markdown, find_article, words, defined)


def missing_article_links(markdown):
    """The problems in `markdown` that are links to no article (these block publishing, as undescribed
    images do in signoff.workflow)."""
    return [problem for problem in check(markdown, find_article, {}) if problem.kind == "missing_article"]
