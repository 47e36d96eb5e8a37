"""An article and its translations: the same page in each language the guide has it in."""

from django.conf import settings
from django.db.models import Q

from articles.models import Article


def translations(article: Article, articles) -> dict[str, str]:
    """Return {language code: address} of `article` and of its source and the source's other translations,
    as far as they are among `articles` (a QuerySet of Article: the ones the visitor may see), in the order
    of settings.LANGUAGES."""
    source_id = article.translation_of_id or article.pk
    family = articles.filter(Q(pk=source_id) | Q(translation_of_id=source_id)).only("slug", "language")
    addresses = {member.language: member.get_absolute_url() for member in family}
    addresses[article.language] = article.get_absolute_url()
    return {code: addresses[code] for code, _ in settings.LANGUAGES if code in addresses}
