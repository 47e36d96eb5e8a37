"""Translations in the article admin: the list's language, translations and out-of-date columns, its filter,
and the change form's panel saying how a translation stands against its source (signoff/translations.py).

ArticleAdmin (editing/admin.py) mixes TranslationAdminMixin in before SignoffAdminMixin.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from articles.models import Article
from signoff import reviews, translations
from signoff.translations import Freshness


class TranslationFilter(admin.SimpleListFilter):
    title = "translation"
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            (Freshness.OUT_OF_DATE, "Out of date"),
            (Freshness.UP_TO_DATE, "Up to date"),
            (Freshness.NOT_APPROVED, "Not yet approved"),
        ]

    def queryset(self, request, queryset):
        if self.value() in Freshness.values:
            return translations.translations_in(self.value(), queryset)
        return queryset


def freshness_html(found):
    """A TranslationCheck's freshness as the admin shows it, an out-of-date one in bold."""
    if found.freshness == Freshness.OUT_OF_DATE:
        return format_html('<strong class="translation-out-of-date">{}</strong>', found.freshness.label)
    return found.freshness.label


class TranslationAdminMixin:
    @admin.display(description="translations")
    def translations_list(self, article):
        if article.translation_of_id:
            # Not a link: the list's one link to an article is its title (the change form links the source).
            return format_html("Translation of “{}”", article.translation_of)
        found = [translations.check(translation) for translation in article.translations.order_by("language")]
        if not found:
            return "—"
        return format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a>: {}, {}',
            (
                (
                    reverse("admin:articles_article_change", args=[each.translation.pk]),
                    each.translation.get_language_display(),
                    reviews.state_of(each.translation).label,
                    freshness_html(each),
                )
                for each in found
            ),
        )

    @admin.display(description="translation up to date")
    def translation_freshness(self, article):
        if not article.translation_of_id:
            return "—"
        return freshness_html(translations.check(article))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = Article.objects.select_related("translation_of").named_by(unquote(object_id))
        context = {**(self.translation_context(request, article) if article else {}), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, context)

    def translation_context(self, request, article):
        """What the change form's translation panel shows about `article`: how it stands against its source
        (a translation), with the address of the comparison when it is out of date; or its translations."""
        if article.translation_of_id:
            found = translations.check(article)
            compare = None
            if found.freshness == Freshness.OUT_OF_DATE:
                compare = translations.comparison_address(found)
            return {"translation_check": found, "translation_compare_url": compare}
        return {"source_translations": [translations.check(each) for each in article.translations.order_by("language")]}
