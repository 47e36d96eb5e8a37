from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from neutro_site.admin import ReadOnlyAdmin
from signoff.models import Approval, PreviewLink, ReviewerProfile, ReviewRequest

# The admin index starts with what waits for the signed-in reviewer.
admin.site.index_template = "admin/signoff/index.html"


class ReviewerProfileInline(admin.StackedInline):
    model = ReviewerProfile
    can_delete = False


# A clinical reviewer's role is set on their user page, beside their name.
admin.site.unregister(User)


@admin.register(User)
class UserWithReviewerProfileAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, ReviewerProfileInline]


@admin.register(ReviewerProfile)
class ReviewerProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "role"]
    autocomplete_fields = ["user"]


@admin.register(Approval)
class ApprovalAdmin(ReadOnlyAdmin):
    list_display = ["article", "reviewer_name", "reviewer_role", "approved_at", "next_review", "published_at"]
    list_filter = ["imported"]
    search_fields = ["article__title", "reviewer_name"]


@admin.register(ReviewRequest)
class ReviewRequestAdmin(ReadOnlyAdmin):
    list_display = ["article", "status", "submitted_by", "submitted_at", "decided_by", "decided_at"]
    list_filter = ["status"]
    search_fields = ["article__title", "note"]


@admin.register(PreviewLink)
class PreviewLinkAdmin(ReadOnlyAdmin):
    list_display = ["article", "version", "created_by", "created_at", "expires_at", "revoked_at"]
    search_fields = ["article__title"]
