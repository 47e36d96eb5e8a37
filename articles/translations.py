"""An article and its translations: the same page in each language the guide has it in."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q

from articles.models import Article


def translations(article: Article, articles) -> dict[str, str]:
    """Return {language code: address} of `article` and of its source and the source's other translations,
    as far as they are among `articles` (a QuerySet of Article: the ones the visitor may see), in the order
    of settings.LANGUAGES."""
    source = _source_id(article)
    family = articles.filter(Q(pk=source) | Q(translation_of_id=source)).only("slug", "language")
    return _addresses([*family, article])


def translations_of_each(articles) -> dict[int, dict[str, str]]:
    """Return {article id: translations(article, articles)} for every article of `articles`, in one query."""
    members = list(articles.only("slug", "language", "translation_of"))
    families = defaultdict(list)
    for member in members:
        families[_source_id(member)].append(member)
    return {member.pk: _addresses(families[_source_id(member)]) for member in members}


def _source_id(article: Article) -> int:
    """The id of the article a family of translations shares: the source's own, or the one it translates."""
    return article.translation_of_id or article.pk


def _addresses(family) -> dict[str, str]:
    by_language = {member.language: member.get_absolute_url() for member in family}
    return {code: by_language[code] for code, _ in settings.LANGUAGES if code in by_language}
