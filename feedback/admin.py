from django.contrib import admin

from feedback.models import ArticleFeedback, Comment, Feedback
from neutro_site.admin import ReadOnlyAdmin


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Every answer, as it came: read only (a visitor's words are never edited)."""

    list_display = ["date", "page", "answer", "comment", "handled"]
    list_filter = ["answer", "handled", "date"]
    search_fields = ["page", "comment"]
    date_hierarchy = "date"
    readonly_fields = ["page", "article", "answer", "comment", "date"]
    fields = ["date", "page", "article", "answer", "comment", "handled"]

    def has_add_permission(self, request):
        return False


@admin.register(Comment)
class CommentAdmin(FeedbackAdmin):
    """The queue of comments: the ones not yet handled first; tick "handled" in the list and save."""

    list_display = ["date", "page", "comment", "handled"]
    list_editable = ["handled"]
    list_filter = ["handled", "date"]
    actions = ["mark_handled"]

    @admin.action(description="Mark the selected comments as handled", permissions=["change"])
    def mark_handled(self, request, queryset):
        queryset.update(handled=True)


@admin.register(ArticleFeedback)
class ArticleFeedbackAdmin(ReadOnlyAdmin):
    """Each article's answers of the last 90 days: how many found it useful and how many did not."""

    list_display = ["title", "useful", "not_useful"]
    list_display_links = None
    search_fields = ["title"]
    ordering = ["position", "title"]
    fields = []

    def get_queryset(self, request):
        return super().get_queryset(request).with_recent_counts()

    @admin.display(description="useful (90 days)", ordering="useful")
    def useful(self, article):
        return article.useful

    @admin.display(description="not useful (90 days)", ordering="not_useful")
    def not_useful(self, article):
        return article.not_useful
