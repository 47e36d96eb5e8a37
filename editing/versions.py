"""An article's saved versions (django-reversion) as the admin's compare and recent-changes pages show them."""

from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import get_object_or_404
from reversion.models import Version

from articles.models import Article
from editing.diff import compare

COMPARED_FIELDS = {
    "title": "Title",
    "language": "Language",
    "translation_of_id": "Translation of",
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
    text["language"] = dict(settings.LANGUAGES).get(values.get("language"), text["language"])
    source = Article.objects.filter(pk=values.get("translation_of_id")).first()
    text["translation_of_id"] = source.title if source else ""
    return text


def current_values(article):
    """The current article's fields (a working copy's, when `article` is one), in the shape of a version's field_dict."""
    values = {name: getattr(article, name) for name in COMPARED_FIELDS if name != "related"}
    saved_related = getattr(article, "related_ids", None)  # set on a working copy (signoff.versions.as_article)
    values["related"] = list(article.related.values_list("pk", flat=True)) if saved_related is None else saved_related
    return values


def comparison(older, newer):
    """Context for the compare page: `changes` (a diff.FieldChange per compared field, `older` as "removed" lines
    and `newer` as "added"), and `unchanged`, True when they are equal. Each is a field_dict-shaped dict."""
    changes = compare(as_text(older), as_text(newer), COMPARED_FIELDS)
    return {"changes": changes, "unchanged": not any(change.changed for change in changes)}


def saved_order(version):
    """A sort key putting versions in the order they were saved."""
    return (version.revision.date_created, version.pk)


def versions_of_articles():
    """Every saved version of an article that still exists, the latest first, with who saved it."""
    existing = [str(pk) for pk in Article.objects.values_list("pk", flat=True)]
    return (
        Version.objects.get_for_model(Article)
        .filter(object_id__in=existing)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def previous_version(version):
    """The version of the same article saved just before `version`, or None for its first."""
    earlier = Version.objects.get_for_object_reference(Article, version.object_id).filter(
        revision__date_created__lte=version.revision.date_created, pk__lt=version.pk
    )
    return earlier.select_related("revision").order_by("-revision__date_created", "-pk").first()


@dataclass(frozen=True)
class RecentChange:
    """One saved version on the recent-changes page: the version, the one before it, and what changed."""

    version: Version
    previous: Version | None
    summary: str


def summary(version, previous):
    """One line saying which fields `version` changed since `previous` ("First saved version" without one)."""
    if previous is None:
        return "First saved version."
    changes = comparison(previous.field_dict, version.field_dict)["changes"]
    changed = [change.label for change in changes if change.changed]
    return f"Changed {', '.join(changed)}." if changed else "No change to the text."


def recent_change(version):
    """`version` as the recent-changes page lists it."""
    previous = previous_version(version)
    return RecentChange(version, previous, summary(version, previous))
