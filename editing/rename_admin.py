"""Slug renames in the article admin: after a save that changed the slug, a message says what happens to the
old address, and the update-links page (editing.renames) offers to point other articles' links at the new one.

ArticleAdmin (editing/admin.py) mixes SlugRenameAdminMixin in before the sign-off's mixin.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from articles.models import Article, article_or_404
from editing import renames

NOW_REDIRECTS = "The address changed from {old} to {new}: the old address now redirects to the new one."
REDIRECTS_WHEN_LIVE = (
    "The new address {new} takes effect when a clinical reviewer approves this change; from then on the old "
    "address {old} redirects to it, and this form offers to update the links to it in other articles."
)
OFFER = ' {count} other article(s) link to the old address: <a href="{url}">update their links</a>.'


class SlugRenameAdminMixin:
    update_links_template = "admin/articles/article/update_links.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.update_links_view)
        return [
            path("<path:object_id>/update-links/", view, name="articles_article_update_links"),
            *super().get_urls(),
        ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and "slug" in form.changed_data:
            self.message_user(request, renamed_message(form.initial["slug"], form.instance, form.keeps_live_row))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = Article.objects.named_by(unquote(object_id))
        context = dict(extra_context or {})
        if article is not None and self.has_change_permission(request, article):
            context["links_to_old_addresses"] = len(renames.link_updates(article))
        return super().change_view(request, object_id, form_url, context)

    def update_links_view(self, request, object_id):
        """GET: the other articles' lines that link to an old address of this article, before and after.
        POST: update them (editing.renames.update_links) and go back to the article's form."""
        article = article_or_404(unquote(object_id))
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        if request.method == "POST":
            done = renames.update_links(article, request.user)
            for message, level in updated_messages(done):
                self.message_user(request, message, level)
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": f"Update the links to “{article}”",
            "old_addresses": renames.old_addresses(article),
            "updates": renames.link_updates(article),
        }
        return TemplateResponse(request, self.update_links_template, context)


def renamed_message(old_slug, edited, waits_for_review):
    """What the editor is told after a save changed the slug from `old_slug` to `edited`'s."""
    old, new = f"{renames.address_prefix(edited)}{old_slug}/", edited.get_absolute_url()
    if waits_for_review:
        return REDIRECTS_WHEN_LIVE.format(old=old, new=new)
    article = Article.objects.get(pk=edited.pk)
    count = len(renames.link_updates(article))
    message = format_html(NOW_REDIRECTS, old=old, new=new)
    if count:
        url = reverse("admin:articles_article_update_links", args=[article.pk])
        message += format_html(OFFER, count=count, url=url)
    return message


def updated_messages(done):
    """The messages for what renames.update_links did, with their levels."""
    found = []
    if done.submitted:
        titles = format_html_join(", ", "“{}”", ((article,) for article in done.submitted))
        found.append((format_html("Links updated and sent for clinical review in {}.", titles), messages.SUCCESS))
    for article, reason in done.kept:
        found.append(
            (f"Links updated in the working copy of “{article}”, not sent for review: {reason}", messages.WARNING)
        )
    if not found:
        found.append(("No other article links to an old address of this article.", messages.INFO))
    return found
