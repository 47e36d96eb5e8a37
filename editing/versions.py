"""An article's saved versions (django-reversion) as the admin's compare page shows them."""

from django.shortcuts import get_object_or_404
from reversion.models import Version

from articles.models import Article
from editing.diff import compare

COMPARED_FIELDS = {
    "title": "Title",
    "slug": "Slug",
    "summary": "Summary",
    "body": "Body",
    "position": "Position in the guide",
    "related": "Related articles",
}


def version_of(article, version_id):
    """The saved version `version_id` of `article`, or 404."""
    return get_object_or_404(Version.objects.get_for_object(article).select_related("revision__user"), pk=version_id)


def as_text(values):
    """An article's field values (from a version or the database) as the text the comparison shows."""
    related = Article.objects.filter(pk__in=values.get("related") or []).order_by("title")
    text = {name: "" if values.get(name) is None else str(values[name]) for name in COMPARED_FIELDS}
    text["related"] = "\n".join(article.title for article in related)
    return text


def current_values(article):
    """The current article's fields (a working copy's, when `article` is one), in the shape of a version's field_dict."""
    values = {name: getattr(article, name) for name in COMPARED_FIELDS if name != "related"}
    saved_related = getattr(article, "related_ids", None)  # set on a working copy (signoff.versions.as_article)
    values["related"] = list(article.related.values_list("pk", flat=True)) if saved_related is None else saved_related
    return values


def comparison(article, version):
    """Context for the compare page: `version`, `changes` (a diff.FieldChange per compared field, the saved
    version as "removed" lines and the current text as "added"), and `unchanged`, True when they are equal."""
    changes = compare(as_text(version.field_dict), as_text(current_values(article)), COMPARED_FIELDS)
    return {"version": version, "changes": changes, "unchanged": not any(change.changed for change in changes)}
