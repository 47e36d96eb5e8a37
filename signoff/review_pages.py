"""The sign-off's pages in the article admin: approve, request changes, compare with live, preview links.

Every page shows the version waiting for review (or the working copy) compared with the live version.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article, article_or_404
from editing.diff import compare
from editing.forms import language_name
from editing.versions import COMPARED_FIELDS, as_text, current_values
from signoff import preview_links, versions, workflow
from signoff.forms import ApprovalForm, RequestChangesForm
from signoff.models import PreviewLink


class ReviewPagesMixin:
    """For a ModelAdmin of Article: the sign-off's admin pages, at <id>/approve/ and beside it."""

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
        article = article_or_404(unquote(object_id))
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        if reviewers_only and not workflow.is_reviewer(request.user):
            raise PermissionDenied
        pending = workflow.pending_request(article)
        version = pending.version if pending else workflow.working_version(article)
        live = as_text(current_values(article)) if article.is_published else {}
        changes = compare(live, as_text(version.field_dict), COMPARED_FIELDS) if version else []
        reviewed = version.field_dict if version else {}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": title,
            "form": form,
            "pending": pending,
            "version": version,
            "changes": changes,
            "version_language": language_name(reviewed.get("language", article.language)),
            "version_source": Article.objects.filter(pk=reviewed.get("translation_of_id")).first(),
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
            go_live = date_format(timezone.localtime(approval.go_live_at), "DATETIME_FORMAT")
            return f"Approved: “{approval.article}” goes live on {go_live}."

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
