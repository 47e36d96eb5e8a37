"""No lost work in the article admin: the change form says who else has the article open (editing.presence),
and a save refused because of another save shows the merge page (editing.conflicts) instead of the form.

ArticleAdmin (editing/admin.py) mixes LostWorkAdminMixin in before the sign-off's mixin. The warning before
leaving a form with unsaved changes is the browser's, from static/js/editor-unsaved.js.
"""

from django.contrib.admin.utils import unquote
from django.forms.forms import NON_FIELD_ERRORS
from django.template.response import TemplateResponse
from django.urls import reverse

from articles.models import Article
from editing import conflicts, presence


class LostWorkAdminMixin:
    merge_template = "admin/articles/article/merge.html"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = Article.objects.named_by(unquote(object_id))
        context = dict(extra_context or {})
        if request.method == "POST" and conflicts.MERGED in request.POST:
            request.POST = conflicts.merged_post(request.POST)
        if article is not None and self.has_change_permission(request, article):
            if request.method == "GET":
                presence.record(article, request.user)
            context["editing_presence_url"] = reverse("editor_presence", args=[article.pk])
            context["editing_presence_notice"] = presence.notice(presence.others_editing(article, request.user))
            context["editing_presence_seconds"] = presence.poll_seconds()
        return super().change_view(request, object_id, form_url, context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        if change and form.is_bound and form.has_error(NON_FIELD_ERRORS, "changed_since_opened"):
            article = Article.objects.get(pk=obj.pk)
            merge = {
                **context,
                **conflicts.merge_context(article, form),
                "opts": self.opts,
                "original": article,
                "title": f"Merge your changes to “{article}”",
                "refusal": form.non_field_errors(),
                "merged_mark": conflicts.MERGED,
            }
            return TemplateResponse(request, self.merge_template, merge)
        return super().render_change_form(request, context, add, change, form_url, obj)
