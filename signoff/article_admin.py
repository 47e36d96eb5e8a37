"""The sign-off in the article admin: saves go to the working copy, the list shows each article's state, and
the change form gains the workflow's panel and buttons (the pages they open are in review_pages.py).

ArticleAdmin (editing/admin.py) mixes SignoffAdminMixin in before reversion's VersionAdmin.
"""

import json
from contextlib import contextmanager

import reversion
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.core import serializers
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext
from reversion.models import Revision, Version

from articles.models import Article
from signoff import reviews, versions, workflow
from signoff.models import ReviewRequest
from signoff.review_pages import ReviewPagesMixin

KEPT_IN_WORKING_COPY = (
    "Saved in the working copy. Patients still see the live version until a clinical reviewer approves "
    "the changes: submit them for clinical review when they are ready."
)


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return reviews.State.choices

    def queryset(self, request, queryset):
        if self.value() in reviews.State.values:
            return reviews.in_state(queryset, self.value())
        return queryset


class ReviewDueFilter(admin.SimpleListFilter):
    title = "clinical check"
    parameter_name = "check"

    def lookups(self, request, model_admin):
        return [("never", "Never checked"), ("overdue", "Overdue"), ("due", "Due within 30 days")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        due = reviews.due_for_review(today)
        chosen = {
            "never": [check for check in due if check.due is None],
            "overdue": [check for check in due if check.due is not None and check.due < today],
            "due": [check for check in due if check.due is not None],
        }.get(self.value())
        if chosen is None:
            return queryset
        return queryset.filter(pk__in=[check.article.pk for check in chosen])


class SignoffAdminMixin(ReviewPagesMixin):
    change_form_template = "admin/signoff/article/change_form.html"

    @admin.display(description="state")
    def state(self, article):
        return reviews.state_of(article).label

    @admin.display(description="next check due")
    def next_check(self, article):
        approval = reviews.current_approval(article)
        if approval is None:
            return "Not checked yet" if article.is_published else "—"
        if approval.next_review < timezone.localdate():
            return format_html(
                '<strong class="review-overdue">{} (overdue)</strong>', date_format(approval.next_review)
            )
        return date_format(approval.next_review)

    @contextmanager
    def create_revision(self, request):
        # The sign-off records each save's version itself (signoff.versions.record), so that a change to a
        # live article is kept as a version without saving the live row.
        with reversion.create_revision(manage_manually=True):
            reversion.set_user(request.user)
            yield

    def get_object(self, request, object_id, from_field=None):
        # The change form edits the working copy, not the live text (editing.views.compare compares with it).
        article = super().get_object(request, object_id, from_field)
        on_change_form = request.resolver_match and request.resolver_match.url_name == "articles_article_change"
        return versions.editors_text(article) if article is not None and on_change_form else article

    def get_changeform_initial_data(self, request):
        last = Article.objects.order_by("-position").values_list("position", flat=True).first()
        return {"position": (last or 0) + 1, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        live = Article.objects.filter(pk=obj.pk, status=Article.Status.PUBLISHED).first() if change else None
        form.keeps_live_row = live is not None
        if live is None:
            super().save_model(request, obj, form, change)
        elif "expires_at" in form.changed_data:
            # Withdrawing a page takes nothing new to patients, so it needs no clinical review.
            live.expires_at = obj.expires_at
            live.save(update_fields=["expires_at", "updated"])

    def save_related(self, request, form, formsets, change):
        if not form.keeps_live_row:
            super().save_related(request, form, formsets, change)
        message = self.construct_change_message(request, form, formsets, not change)
        comment = LogEntry(change_message=json.dumps(message)).get_change_message() if message else ""
        related_ids = [article.pk for article in form.cleaned_data.get("related", [])]
        article = Article.objects.get(pk=form.instance.pk)
        workflow.save_working_copy(article, form.instance, related_ids, request.user, comment)
        if form.keeps_live_row:
            self.message_user(request, KEPT_IN_WORKING_COPY, messages.INFO)

    def response_change(self, request, obj):
        if "_submit_for_review" in request.POST:
            try:
                workflow.submit(Article.objects.get(pk=obj.pk), request.user)
            except workflow.Refused as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
            else:
                self.message_user(request, f"“{obj}” was saved and sent to the clinical reviewers.", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if "_submit_for_review" in request.POST:
            return self.response_change(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = Article.objects.named_by(unquote(object_id))
        context = {**(extra_context or {}), **(self.signoff_context(request, article) if article else {})}
        return super().change_view(request, object_id, form_url, context)

    def signoff_context(self, request, article):
        """What the change form's sign-off panel shows to `request.user` about `article`."""
        pending = workflow.pending_request(article)
        sent_back = article.review_requests.filter(status=ReviewRequest.Status.CHANGES_REQUESTED).first()
        working = workflow.working_version(article)
        return {
            "signoff_state": reviews.state_of(article),
            "signoff_pending": pending,
            "signoff_sent_back": sent_back if sent_back and sent_back.version == working else None,
            "signoff_approval": reviews.current_approval(article),
            "signoff_scheduled": article.approvals.scheduled().first(),
            "signoff_working": working,
            "signoff_is_reviewer": workflow.is_reviewer(request.user),
        }

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Restoring an old version of a live article makes it the working copy: the live row is put back
        # as it was after reversion's revert, in the same transaction.
        live = Article.objects.filter(status=Article.Status.PUBLISHED).named_by(unquote(object_id))
        with transaction.atomic():
            live_rows = serializers.serialize("json", [live]) if live and request.method == "POST" else None
            response = super().revision_view(request, object_id, version_id, extra_context)
            if request.method == "POST" and response.status_code == 302:
                if live_rows:
                    for row in serializers.deserialize("json", live_rows):
                        row.save()
                restored = get_object_or_404(Version, pk=version_id)
                comment = gettext("Reverted to previous version, saved on %(datetime)s") % {
                    "datetime": date_format(timezone.localtime(restored.revision.date_created), "DATETIME_FORMAT")
                }
                working = workflow.working_version(Article.objects.get(pk=unquote(object_id)))
                Revision.objects.filter(pk=working.revision_id).update(comment=comment)
        return response
