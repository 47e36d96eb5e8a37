"""The editors' admin: declarative classes only. What happens on a save is in articles/receivers.py and
editing/forms.py; the compare and recent-changes pages are views in editing/history.py; who else is editing and
the merge page are in editing/lost_work_admin.py, slug renames in editing/rename_admin.py."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.urls import path, reverse
from django.utils.html import format_html
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles.models import Article, OldSlug
from editing import history, unused_images, views
from editing.forms import ArticleAdminForm
from editing.lost_work_admin import LostWorkAdminMixin
from editing.models import MedicalWord
from editing.rename_admin import SlugRenameAdminMixin
from signoff.article_admin import ReviewDueFilter, SignoffAdminMixin, StateFilter
from signoff.translation_admin import TranslationAdminMixin, TranslationFilter


@admin.register(Article)
class ArticleAdmin(TranslationAdminMixin, LostWorkAdminMixin, SlugRenameAdminMixin, SignoffAdminMixin, VersionAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "language",
        "state",
        "translations_list",
        "translation_freshness",
        "position",
        "next_check",
    ]
    list_filter = [StateFilter, ReviewDueFilter, "language", TranslationFilter]
    search_fields = ["title", "body"]
    ordering = ["position", "title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["related"]
    readonly_fields = ["plain_language", "checks_before_publishing"]
    object_history_template = "admin/articles/article/object_history.html"
    change_list_template = "admin/articles/article/change_list.html"
    fieldsets = [
        (None, {"fields": ["title", ("language", "translation_of"), "slug", "summary", "body", "opened_version"]}),
        (
            "Plain language",
            {
                "fields": ["plain_language"],
                "description": "How easy the body is to read in the article's language, updated as you type. Aim for "
                "a reading age of 9 to 11 in English and an INFLESZ score of 65 or above in Spanish, as the content "
                "guide asks.",
            },
        ),
        (
            "Checks before publishing",
            {
                "fields": ["checks_before_publishing"],
                "description": "What a reader might stumble on, by line, updated as you type. Links to missing "
                "articles and images without a description stop the article being published; the rest is advice.",
            },
        ),
        ("In the guide", {"fields": ["position", "related", "expires_at"]}),
    ]

    class Media:
        css = {"all": ["css/admin-editor.css", "css/editor-safety.css"]}
        js = [
            "js/admin-editor.js", "js/editor-desk.js", "js/editor-images.js", "js/editor-unsaved.js",
            "js/editor-presence.js",
        ]  # fmt: skip

    @admin.display(description="reading level")
    def plain_language(self, article):
        # admin-editor.js refreshes the panel from the reading-level URL as the editor types.
        return format_html(
            '<div class="plain-language-panel" data-reading-level-url="{}">{}</div>',
            reverse("editor_reading_level"),
            views.plain_language(
                article.body_text if article and article.pk else None,
                getattr(article, "language", settings.LANGUAGE_CODE),
            ),
        )

    def history_view(self, request, object_id, extra_context=None):
        # The history page lists the versions themselves, so that any two can be chosen for comparing.
        saved = Version.objects.get_for_object_reference(Article, unquote(object_id)).select_related("revision__user")
        context = {
            "saved_versions": saved.order_by(*(self.get_version_ordering(request) or ())),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    @admin.display(description="problems")
    def checks_before_publishing(self, article):
        # admin-editor.js refreshes the panel from the checks URL as the editor types.
        return format_html(
            '<div class="publishing-checks-panel" data-checks-url="{}">{}</div>',
            reverse("editor_publishing_checks"),
            views.checks_panel(
                article.body if article and article.pk else None, getattr(article, "language", settings.LANGUAGE_CODE)
            ),
        )

    def get_urls(self):
        # The history pages sit beside django-reversion's, in the admin's URL namespace.
        def route(pattern, view, name):
            return path(pattern, self.admin_site.admin_view(view), name=f"articles_article_{name}")

        return [
            route("recent-changes/", history.recent_changes, "recent_changes"),
            route("unused-images/", unused_images.unused_images, "unused_images"),
            route("unused-images/<str:name>/delete/", unused_images.delete_image, "delete_image"),
            route("<path:object_id>/history/compare/", history.compare, "compare_versions"),
            route("<path:object_id>/history/<int:version_id>/compare/", history.compare, "compare"),
            *super().get_urls(),
        ]


@admin.register(OldSlug)
class OldSlugAdmin(admin.ModelAdmin):
    list_display = ["slug", "language", "article", "replaced"]
    list_filter = ["language"]
    search_fields = ["slug", "article__title"]
    readonly_fields = ["slug", "language", "article", "replaced"]

    def has_add_permission(self, request):
        # Old slugs are recorded when an article's slug changes, never typed in.
        return False


@admin.register(MedicalWord)
class MedicalWordAdmin(admin.ModelAdmin):
    list_display = ["word", "plain", "language"]
    list_filter = ["language"]
    search_fields = ["word", "plain"]
