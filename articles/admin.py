from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from articles import editor_views, versions
from articles.admin_forms import ArticleAdminForm
from articles.models import Article, OldSlug
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
    readonly_fields = ["plain_language"]
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
            editor_views.plain_language(article.body_text if article and article.pk else None),
        )

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/<int:version_id>/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="articles_article_compare",
        )
        return [compare, *super().get_urls()]

    def compare_view(self, request, object_id, version_id):
        """A saved version beside the current article, as a diff per field, with a link to restore it."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        version = versions.version_of(article, version_id)
        context = {
            **self.admin_site.each_context(request),
            **versions.comparison(article, version),
            "opts": self.opts,
            "original": article,
            "title": f"Compare a saved version of “{article}” with the current text",
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Restoring an older slug must keep the slug being replaced as a redirect, like any slug change;
        # the version is written back without Article.save, so that is done here, in the same transaction.
        with transaction.atomic():
            replaced_slug = Article.objects.filter(pk=unquote(object_id)).values_list("slug", flat=True).first()
            response = super().revision_view(request, object_id, version_id, extra_context)
            if request.method == "POST" and response.status_code == 302:
                article = Article.objects.filter(pk=unquote(object_id)).first()
                if article is not None:
                    OldSlug.record_change(article, replaced_slug)
        return response


@admin.register(OldSlug)
class OldSlugAdmin(admin.ModelAdmin):
    list_display = ["slug", "article", "replaced"]
    search_fields = ["slug", "article__title"]
    readonly_fields = ["slug", "article", "replaced"]

    def has_add_permission(self, request):
        # Old slugs are recorded when an article's slug changes, never typed in.
        return False
