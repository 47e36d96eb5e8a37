"""The editors' admin: declarative classes only. What happens on a save is in articles/receivers.py and
editing/forms.py; the compare page is a view in editing/views.py."""

from django.contrib import admin
from django.urls import path, reverse
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from articles.models import Article, OldSlug
from editing import views
from editing.forms import ArticleAdminForm
from editing.models import MedicalWord
from signoff.article_admin import ReviewDueFilter, SignoffAdminMixin, StateFilter


@admin.register(Article)
class ArticleAdmin(SignoffAdminMixin, VersionAdmin):
    form = ArticleAdminForm
    list_display = ["title", "state", "position", "next_check"]
    list_filter = [StateFilter, ReviewDueFilter]
    search_fields = ["title", "body"]
    ordering = ["position", "title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["related"]
    readonly_fields = ["plain_language", "checks_before_publishing"]
    object_history_template = "admin/articles/article/object_history.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "opened_version"]}),
        (
            "Plain language",
            {
                "fields": ["plain_language"],
                "description": "How easy the body is to read, updated as you type. Aim for a reading age of 9 to 11, as the content guide asks.",
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
        css = {"all": ["css/admin-editor.css"]}
        js = ["js/admin-editor.js"]

    @admin.display(description="reading level")
    def plain_language(self, article):
        # admin-editor.js refreshes the panel from the reading-level URL as the editor types.
        return format_html(
            '<div class="plain-language-panel" data-reading-level-url="{}">{}</div>',
            reverse("editor_reading_level"),
            views.plain_language(article.body_text if article and article.pk else None),
        )

    @admin.display(description="problems")
    def checks_before_publishing(self, article):
        # admin-editor.js refreshes the panel from the checks URL as the editor types.
        return format_html(
            '<div class="publishing-checks-panel" data-checks-url="{}">{}</div>',
            reverse("editor_publishing_checks"),
            views.checks_panel(article.body if article and article.pk else None),
        )

    def get_urls(self):
        # The compare page sits beside django-reversion's history pages, in the admin's URL namespace.
        compare = path(
            "<path:object_id>/history/<int:version_id>/compare/",
            self.admin_site.admin_view(views.compare),
            name="articles_article_compare",
        )
        return [compare, *super().get_urls()]


@admin.register(OldSlug)
class OldSlugAdmin(admin.ModelAdmin):
    list_display = ["slug", "article", "replaced"]
    search_fields = ["slug", "article__title"]
    readonly_fields = ["slug", "article", "replaced"]

    def has_add_permission(self, request):
        # Old slugs are recorded when an article's slug changes, never typed in.
        return False


@admin.register(MedicalWord)
class MedicalWordAdmin(admin.ModelAdmin):
    list_display = ["word", "plain"]
    search_fields = ["word", "plain"]
