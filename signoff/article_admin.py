"""The sign-off in the article admin: saves go to the working copy, and the change form gains the workflow's
buttons and pages (approve, request changes, compare with live, preview links).

ArticleAdmin (articles/admin.py) mixes SignoffAdminMixin in before reversion's VersionAdmin.
"""

import json
from contextlib import contextmanager

import reversion
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from reversion.models import Revision

from articles.diff import compare
from articles.models import Article
from articles.versions import COMPARED_FIELDS, as_text, current_values
from signoff import preview_links, reviews, versions, workflow
from signoff.forms import ApprovalForm, RequestChangesForm
from signoff.models import PreviewLink, ReviewRequest


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


class SignoffAdminMixin:
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
            return format_html('<strong class="review-overdue">{} (overdue)</strong>', approval.next_review)
        return approval.next_review

    @contextmanager
    def create_revision(self, request):
        # The sign-off records each save's version itself (signoff.versions.record), so that a change to a
        # live article is kept as a version without saving the live row.
        with reversion.create_revision(manage_manually=True):
            reversion.set_user(request.user)
            yield

    def get_object(self, request, object_id, from_field=None):
        # The change form edits the working copy, not the live text, and versions compare with it.
        article = super().get_object(request, object_id, from_field)
        url_name = request.resolver_match.url_name if request.resolver_match else None
        on_working_copy = url_name in {"articles_article_change", "articles_article_compare"}
        working = workflow.working_version(article) if article is not None and on_working_copy else None
        return versions.as_article(working, article) if working else article

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
        article = Article.objects.filter(pk=unquote(object_id)).first()
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
        live = Article.objects.filter(pk=unquote(object_id), status=Article.Status.PUBLISHED).first()
        with transaction.atomic():
            live_rows = serializers.serialize("json", [live]) if live and request.method == "POST" else None
            response = super().revision_view(request, object_id, version_id, extra_context)
            if request.method == "POST" and response.status_code == 302:
                if live_rows:
                    for row in serializers.deserialize("json", live_rows):
                        row.save()
                restored = get_object_or_404(reversion.models.Version, pk=version_id)
                comment = gettext("Reverted to previous version, saved on %(datetime)s") % {
                    "datetime": restored.revision.date_created.strftime("%Y-%m-%d %H:%M")
                }
                working = workflow.working_version(Article.objects.get(pk=unquote(object_id)))
                Revision.objects.filter(pk=working.revision_id).update(comment=comment)
        return response

    def get_urls(self):
        def route(suffix, view, name):
            return path(f"<path:object_id>/{suffix}/", self.admin_site.admin_view(view), name=name)

        return [
            route("approve", self.approve_view, "articles_article_approve"),
            route("request-changes", self.request_changes_view, "articles_article_request_changes"),
            route("compare-live", self.compare_live_view, "articles_article_compare_live"),
            route("preview-links", self.preview_links_view, "articles_article_preview_links"),
            *super().get_urls(),
        ]

    def review_page(self, request, object_id, title, form=None, reviewers_only=True, show_links=False):
        """The article, its working copy compared with the live version, and `form`, on one admin page."""
        article = get_object_or_404(Article, pk=unquote(object_id))
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        if reviewers_only and not workflow.is_reviewer(request.user):
            raise PermissionDenied
        pending = workflow.pending_request(article)
        version = pending.version if pending else workflow.working_version(article)
        live = as_text(current_values(article)) if article.is_published else {}
        changes = compare(live, as_text(version.field_dict), COMPARED_FIELDS) if version else []
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": title,
            "form": form,
            "pending": pending,
            "version": version,
            "changes": changes,
            "preview_links": [(link, preview_links.address(link)) for link in article.preview_links.all()]
            if show_links
            else None,
        }
        return article, pending, TemplateResponse(request, "admin/signoff/article/review.html", context)

    def decide(self, request, object_id, title, form_class, action):
        """A reviewer's decision page: GET shows the form; a valid POST calls `action(pending, data)`."""
        form = form_class(request.POST or None)
        article, pending, page = self.review_page(request, object_id, title, form)
        if request.method == "POST" and form.is_valid():
            if pending is None:
                form.add_error(None, "This article is not waiting for review.")
                return page
            try:
                done = action(pending, form.cleaned_data)
            except workflow.Refused as refusal:
                form.add_error(None, str(refusal))
                return page
            self.message_user(request, done, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        return page

    def approve_view(self, request, object_id):
        def approve(pending, data):
            approval = workflow.approve(
                pending, request.user, data["next_review"], data["go_live_at"], data["self_approval_note"]
            )
            if approval.published_at:
                return f"Approved and published: “{approval.article}” is live."
            return f"Approved: “{approval.article}” goes live at {approval.go_live_at:%Y-%m-%d %H:%M}."

        return self.decide(request, object_id, "Approve and publish", ApprovalForm, approve)

    def request_changes_view(self, request, object_id):
        def send_back(pending, data):
            workflow.request_changes(pending, request.user, data["note"])
            return f"Changes requested: the editors see your note on “{pending.article}”."

        return self.decide(request, object_id, "Request changes", RequestChangesForm, send_back)

    def compare_live_view(self, request, object_id):
        return self.review_page(
            request, object_id, "The working copy compared with the live version", reviewers_only=False
        )[2]

    def preview_links_view(self, request, object_id):
        """List the article's preview links; POST `create` makes one for the working copy (or the live
        version), POST `revoke` (a link id) withdraws one. Any staff who may read the article may do both."""
        article, _pending, page = self.review_page(
            request, object_id, "Preview links for outside reviewers", reviewers_only=False, show_links=True
        )
        if request.method != "POST":
            return page
        if "revoke" in request.POST:
            preview_links.revoke(get_object_or_404(PreviewLink, pk=request.POST["revoke"], article=article))
            self.message_user(request, "The preview link was withdrawn: it no longer opens.", messages.SUCCESS)
        else:
            version = page.context_data["version"] or versions.record(
                article, article.related.values_list("pk", flat=True), request.user, "Kept for a preview link"
            )
            link = preview_links.create(article, version, request.user)
            self.message_user(
                request,
                f"New preview link, valid for 7 days: {request.build_absolute_uri(preview_links.address(link))}",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(request.path)
