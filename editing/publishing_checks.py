"""The checks before publishing (editing/checks.py) run against this site's articles and medical words."""

from articles.models import Article, OldSlug
from editing.checks import LinkedArticle, check
from editing.models import MedicalWord
from glossary.models import Term

MISSING_ARTICLE_LINKS = (
    "Correct or remove the links to articles that do not exist before this page goes to patients: "
    "{links}. Your changes are saved in the working copy."
)


def find_article(slug):
    """Where /articles/<slug>/ leads on this site: the article with that slug or old slug, or None."""
    article = Article.objects.filter(slug=slug).first()
    if article is None:
        old = OldSlug.objects.filter(slug=slug).select_related("article").first()
        article = old.article if old else None
    if article is None:
        return None
    return LinkedArticle(slug=article.slug, live=Article.objects.published().filter(pk=article.pk).exists())


def problems(markdown):
    """Every problem the checks find in `markdown`, in line order."""
    words = dict(MedicalWord.objects.values_list("word", "plain"))
    defined = {name.lower() for term in Term.objects.all() for name in term.names}
    return check(markdown, find_article, words, defined)


def missing_article_links(markdown):
    """The problems in `markdown` that are links to no article (these block publishing, as undescribed
    images do in signoff.workflow)."""
    return [problem for problem in check(markdown, find_article, {}) if problem.kind == "missing_article"]
